; Reduced by llvm-reduce from clang-22 -O0 IR: opt-22 segfaults on
; -passes='default<Oz>,function(unify-loop-exits),function(simplifycfg)' (LLVM 22.1.8).
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define i32 @mutate(i32 %0) {
  br label %2

2:                                                ; preds = %2, %1
  %3 = load volatile i32, ptr null, align 4
  switch i32 %0, label %common.ret1 [
    i32 0, label %2
    i32 1, label %4
  ]

common.ret1:                                      ; preds = %4, %2
  %common.ret1.op = phi i32 [ 1, %4 ], [ 0, %2 ]
  ret i32 %common.ret1.op

4:                                                ; preds = %2
  br label %common.ret1
}
