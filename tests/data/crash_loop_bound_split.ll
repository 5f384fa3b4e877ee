; Reduced by llvm-reduce from huffman (built-in suite) after a random pipeline: opt-22
; segfaults on -passes='function(loop(loop-bound-split))' (LLVM 22.1.8). The fault
; address is computed from defined values (valgrind reports no uninitialised use), so it
; crashes on every heap layout; unify-loop-exits on a switch-exited loop reads past its
; object instead, and CI saw it survive once.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define fastcc void @canonical() {
  br label %1

1:                                                ; preds = %6, %0
  %indvars.iv1020 = phi i64 [ 0, %0 ], [ %indvars.iv.next11, %6 ]
  br label %2

2:                                                ; preds = %5, %1
  %indvars.iv619 = phi i64 [ 0, %1 ], [ %indvars.iv.next7.1, %5 ]
  %3 = icmp eq i64 %indvars.iv1020, 0
  br i1 %3, label %4, label %5

4:                                                ; preds = %2
  br label %5

5:                                                ; preds = %4, %2
  %indvars.iv.next7.1 = add i64 %indvars.iv619, 1
  %exitcond9.not = icmp eq i64 %indvars.iv619, 0
  br i1 %exitcond9.not, label %6, label %2

6:                                                ; preds = %5
  %indvars.iv.next11 = add i64 %indvars.iv1020, 1
  br label %1
}
