/*
 * What the arm64 DLLs need from a C runtime, written here because Debian has no arm64 mingw-w64 runtime (crt, libgcc,
 * libssp, libuuid): the DLL entry point, the stack protector's guard and failure handler, and the COM class and
 * interface ids the sources use (values from the Windows SDK headers' declarations, the public COM registrations).
 * The x86 and x64 DLLs get these from mingw-w64's runtime instead.
 */
#include <windows.h>
#include <objbase.h>

/* -fstack-protector-strong compares each protected frame against this value; set once, at process attach, before
 * any protected function runs (this file is built without the protector). */
void *__stack_chk_guard = (void *)(ULONG_PTR)0x5a5c5e6072746688ULL;

__attribute__((noreturn)) void __stack_chk_fail(void);

void __stack_chk_fail(void) {
    /* a smashed stack: end the process at once, as the CRT's handler does: __fastfail(FAST_FAIL_STACK_COOKIE_CHECK_FAILURE),
     * which on arm64 Windows is the code in x0 and brk #0xF003 */
    __asm__ volatile("mov x0, #2\n\tbrk #0xf003" ::: "x0", "memory");
    __builtin_unreachable();
}

static void seed_guard(HINSTANCE instance) {
    LARGE_INTEGER counter;
    QueryPerformanceCounter(&counter);
    ULONG_PTR value = (ULONG_PTR)counter.QuadPart ^ ((ULONG_PTR)GetCurrentProcessId() << 32) ^ (ULONG_PTR)GetCurrentThreadId()
        ^ (ULONG_PTR)instance ^ (ULONG_PTR)&counter;
    if (value == 0) value = 0x5a5c5e6072746688ULL;
    __stack_chk_guard = (void *)value;
}

BOOL WINAPI ssprkit_dll_entry(HINSTANCE instance, DWORD reason, LPVOID reserved) {
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH) {
        seed_guard(instance);
        DisableThreadLibraryCalls(instance);
    }
    return TRUE;
}

/* {00021401-0000-0000-C000-000000000046} */
const CLSID CLSID_ShellLink = {0x00021401, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
/* {000214F9-0000-0000-C000-000000000046} */
const IID IID_IShellLinkW = {0x000214F9, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
/* {0000010B-0000-0000-C000-000000000046} */
const IID IID_IPersistFile = {0x0000010B, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
