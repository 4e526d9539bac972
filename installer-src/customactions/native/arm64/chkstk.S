// __chkstk for arm64 Windows: the compiler calls it before a frame larger than a page, with the frame size in 16-byte
// units in x15; it touches each page from the current stack pointer down, in order, so the guard page below the stack
// grows it one page at a time (Windows' arm64 calling convention; x16 and x17 are scratch, every other register kept).
    .text
    .globl __chkstk
    .p2align 2
__chkstk:
    lsl     x16, x15, #4
    mov     x17, sp
1:
    sub     x17, x17, #4096
    subs    x16, x16, #4096
    ldr     xzr, [x17]
    b.gt    1b
    ret
