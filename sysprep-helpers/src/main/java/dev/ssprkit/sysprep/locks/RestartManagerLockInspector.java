package dev.ssprkit.sysprep.locks;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds file holders through the Windows Restart Manager (the API Explorer uses for "file in use"), and stops a
 * holder by ending its process. Thin and exercised only on Windows.
 */
public final class RestartManagerLockInspector implements LockInspector {
    @Override
    public List<LockHolder> holders(List<Path> files) {
        if (files.isEmpty()) return List.of();
        RestartManager rm = RestartManager.INSTANCE;
        IntByReference session = new IntByReference();
        char[] key = new char[RestartManager.CCH_RM_SESSION_KEY + 1];
        check(rm.RmStartSession(session, 0, key), "RmStartSession");
        try {
            WString[] names = files.stream().map(p -> new WString(p.toString())).toArray(WString[]::new);
            check(rm.RmRegisterResources(session.getValue(), names.length, names, 0, (Structure[]) null, 0, null),
                    "RmRegisterResources");
            IntByReference needed = new IntByReference();
            IntByReference count = new IntByReference(0);
            IntByReference reasons = new IntByReference();
            int rc = rm.RmGetList(session.getValue(), needed, count, null, reasons);
            if (rc == 0 && needed.getValue() == 0) return List.of();
            if (rc != RestartManager.ERROR_MORE_DATA && rc != 0) check(rc, "RmGetList");
            RestartManager.RM_PROCESS_INFO[] infos =
                    (RestartManager.RM_PROCESS_INFO[]) new RestartManager.RM_PROCESS_INFO().toArray(needed.getValue() + 4);
            count.setValue(infos.length);
            check(rm.RmGetList(session.getValue(), needed, count, infos, reasons), "RmGetList");
            List<LockHolder> out = new ArrayList<>();
            for (int i = 0; i < count.getValue(); i++) {
                infos[i].read();
                out.add(new LockHolder(Integer.toUnsignedLong(infos[i].Process.dwProcessId), Native.toString(infos[i].strAppName)));
            }
            return out;
        } finally {
            rm.RmEndSession(session.getValue());
        }
    }

    @Override
    public boolean stop(LockHolder holder) {
        return ProcessHandle.of(holder.pid()).map(ProcessHandle::destroyForcibly).orElse(false);
    }

    private static void check(int rc, String what) {
        if (rc != 0) throw new IllegalStateException(what + " failed with Windows error " + rc);
    }
}
