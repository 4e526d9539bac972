package dev.ssprkit.sysprep.locks;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** The few Restart Manager functions (rstrtmgr.dll) needed to ask who holds a file; jna-platform does not map them. */
interface RestartManager extends StdCallLibrary {
    RestartManager INSTANCE = Native.load("rstrtmgr", RestartManager.class, W32APIOptions.UNICODE_OPTIONS);

    int CCH_RM_SESSION_KEY = 32;
    int ERROR_MORE_DATA = 234;

    int RmStartSession(IntByReference sessionHandle, int flags, char[] sessionKey);

    int RmRegisterResources(int session, int nFiles, WString[] files, int nApplications, Structure[] applications,
                            int nServices, WString[] services);

    int RmGetList(int session, IntByReference procInfoNeeded, IntByReference procInfo, RM_PROCESS_INFO[] affectedApps,
                  IntByReference rebootReasons);

    int RmEndSession(int session);

    /** RM_UNIQUE_PROCESS: dwProcessId (DWORD), ProcessStartTime (FILETIME). */
    @Structure.FieldOrder({"dwProcessId", "ProcessStartTime"})
    class RM_UNIQUE_PROCESS extends Structure {
        public int dwProcessId;
        public WinBase.FILETIME ProcessStartTime;
    }

    /** RM_PROCESS_INFO: strAppName WCHAR[256], strServiceShortName WCHAR[64], ApplicationType, AppStatus, TSSessionId, bRestartable. */
    @Structure.FieldOrder({"Process", "strAppName", "strServiceShortName", "ApplicationType", "AppStatus", "TSSessionId", "bRestartable"})
    class RM_PROCESS_INFO extends Structure {
        public RM_UNIQUE_PROCESS Process;
        public char[] strAppName = new char[256];
        public char[] strServiceShortName = new char[64];
        public int ApplicationType;
        public int AppStatus;
        public int TSSessionId;
        public boolean bRestartable;
    }
}
