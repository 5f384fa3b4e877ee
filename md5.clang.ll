; ModuleID = 'md5.c'
source_filename = "md5.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.md5_ctx = type { i32, i32, i32, i32, [64 x i8], i64, i64 }

@main.suite = internal unnamed_addr constant [6 x ptr] [ptr @.str, ptr @.str.1, ptr @.str.2, ptr @.str.3, ptr @.str.4, ptr @.str.5], align 16
@.str = private unnamed_addr constant [1 x i8] zeroinitializer, align 1
@.str.1 = private unnamed_addr constant [2 x i8] c"a\00", align 1
@.str.2 = private unnamed_addr constant [4 x i8] c"abc\00", align 1
@.str.3 = private unnamed_addr constant [15 x i8] c"message digest\00", align 1
@.str.4 = private unnamed_addr constant [27 x i8] c"abcdefghijklmnopqrstuvwxyz\00", align 1
@.str.5 = private unnamed_addr constant [81 x i8] c"12345678901234567890123456789012345678901234567890123456789012345678901234567890\00", align 1
@.str.6 = private unnamed_addr constant [19 x i8] c"md5(\22%.16s\22) = %s\0A\00", align 1
@message = internal global [1048576 x i8] zeroinitializer, align 16
@.str.7 = private unnamed_addr constant [21 x i8] c"after %d rounds: %s\0A\00", align 1
@.str.8 = private unnamed_addr constant [14 x i8] c"checksum: %u\0A\00", align 1
@to_hex.hex = internal unnamed_addr constant [17 x i8] c"0123456789abcdef\00", align 16
@T = internal unnamed_addr constant [64 x i32] [i32 -680876936, i32 -389564586, i32 606105819, i32 -1044525330, i32 -176418897, i32 1200080426, i32 -1473231341, i32 -45705983, i32 1770035416, i32 -1958414417, i32 -42063, i32 -1990404162, i32 1804603682, i32 -40341101, i32 -1502002290, i32 1236535329, i32 -165796510, i32 -1069501632, i32 643717713, i32 -373897302, i32 -701558691, i32 38016083, i32 -660478335, i32 -405537848, i32 568446438, i32 -1019803690, i32 -187363961, i32 1163531501, i32 -1444681467, i32 -51403784, i32 1735328473, i32 -1926607734, i32 -378558, i32 -2022574463, i32 1839030562, i32 -35309556, i32 -1530992060, i32 1272893353, i32 -155497632, i32 -1094730640, i32 681279174, i32 -358537222, i32 -722521979, i32 76029189, i32 -640364487, i32 -421815835, i32 530742520, i32 -995338651, i32 -198630844, i32 1126891415, i32 -1416354905, i32 -57434055, i32 1700485571, i32 -1894986606, i32 -1051523, i32 -2054922799, i32 1873313359, i32 -30611744, i32 -1560198380, i32 1309151649, i32 -145523070, i32 -1120210379, i32 718787259, i32 -343485551], align 16
@SHIFTS = internal unnamed_addr constant [4 x [4 x i32]] [[4 x i32] [i32 7, i32 12, i32 17, i32 22], [4 x i32] [i32 5, i32 9, i32 14, i32 20], [4 x i32] [i32 4, i32 11, i32 16, i32 23], [4 x i32] [i32 6, i32 10, i32 15, i32 21]], align 16

; Function Attrs: minsize nofree nounwind optsize uwtable
define dso_local noundef i32 @main(i32 noundef %0, ptr noundef readonly captures(none) %1) local_unnamed_addr #0 {
  %3 = alloca %struct.md5_ctx, align 16
  %4 = alloca ptr, align 8
  %5 = alloca [16 x i8], align 16
  %6 = alloca [33 x i8], align 16
  %7 = alloca %struct.md5_ctx, align 16
  %8 = icmp sgt i32 %0, 1
  br i1 %8, label %9, label %21

9:                                                ; preds = %2
  call void @llvm.lifetime.start.p0(ptr nonnull %4) #9
  %10 = getelementptr inbounds nuw i8, ptr %1, i64 8
  %11 = load ptr, ptr %10, align 8, !tbaa !9
  %12 = call i64 @strtol(ptr noundef %11, ptr noundef nonnull %4, i32 noundef 10) #10
  %13 = freeze i64 %12
  %14 = load ptr, ptr %4, align 8, !tbaa !9
  %15 = load ptr, ptr %10, align 8, !tbaa !9
  %16 = icmp eq ptr %14, %15
  call void @llvm.lifetime.end.p0(ptr nonnull %4) #9
  br i1 %16, label %21, label %17

17:                                               ; preds = %9
  %18 = icmp slt i64 %13, 1
  br i1 %18, label %21, label %19

19:                                               ; preds = %17
  %20 = tail call i64 @llvm.umin.i64(i64 %13, i64 100000)
  br label %21

21:                                               ; preds = %2, %9, %17, %19
  %22 = phi i64 [ 1, %17 ], [ %20, %19 ], [ 200, %9 ], [ 200, %2 ]
  call void @llvm.lifetime.start.p0(ptr nonnull %5) #9
  call void @llvm.lifetime.start.p0(ptr nonnull %6) #9
  %23 = getelementptr inbounds nuw i8, ptr %3, i64 80
  br label %24

24:                                               ; preds = %32, %21
  %25 = phi i64 [ 0, %21 ], [ %37, %32 ]
  %26 = icmp eq i64 %25, 6
  br i1 %26, label %27, label %32

27:                                               ; preds = %24
  %28 = trunc nuw nsw i64 %22 to i32
  %29 = urem i64 %22, 300
  %30 = add nuw nsw i64 %29, 100
  %31 = add nuw nsw i32 %28, 981
  br label %38

32:                                               ; preds = %24
  %33 = getelementptr inbounds nuw ptr, ptr @main.suite, i64 %25
  %34 = load ptr, ptr %33, align 8, !tbaa !9
  %35 = call i64 @strlen(ptr noundef nonnull dereferenceable(1) %34) #11
  call void @llvm.lifetime.start.p0(ptr nonnull %3) #9
  store <4 x i32> <i32 1732584193, i32 -271733879, i32 -1732584194, i32 271733878>, ptr %3, align 16, !tbaa !5
  call void @llvm.memset.p0.i64(ptr noundef nonnull align 16 dereferenceable(16) %23, i8 0, i64 16, i1 false)
  call fastcc void @md5_update(ptr noundef %3, ptr noundef nonnull readonly %34, i64 noundef %35) #12
  call fastcc void @md5_final(ptr noundef %3, ptr noundef nonnull %5) #12
  call void @llvm.lifetime.end.p0(ptr nonnull %3) #9
  call fastcc void @to_hex(ptr noundef %5, ptr noundef %6) #12
  %36 = call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.6, ptr noundef nonnull %34, ptr noundef nonnull %6) #12
  %37 = add nuw nsw i64 %25, 1
  br label %24, !llvm.loop !12

38:                                               ; preds = %45, %27
  %39 = phi i32 [ %31, %27 ], [ %47, %45 ]
  %40 = phi i64 [ 0, %27 ], [ %52, %45 ]
  %41 = icmp eq i64 %40, %30
  br i1 %41, label %42, label %45

42:                                               ; preds = %38
  call fastcc void @to_hex(ptr noundef %5, ptr noundef %6) #12
  %43 = getelementptr inbounds nuw i8, ptr %7, i64 80
  %44 = add nuw nsw i64 %29, 132
  br label %53

45:                                               ; preds = %38
  %46 = mul i32 %39, 1103515245
  %47 = add i32 %46, 12345
  %48 = lshr i32 %47, 16
  %49 = trunc i32 %48 to i8
  %50 = getelementptr inbounds nuw i8, ptr @message, i64 %40
  %51 = getelementptr inbounds nuw i8, ptr %50, i64 32
  store i8 %49, ptr %51, align 1, !tbaa !14
  %52 = add nuw i64 %40, 1
  br label %38, !llvm.loop !15

53:                                               ; preds = %58, %42
  %54 = phi i64 [ %62, %58 ], [ 0, %42 ]
  %55 = icmp eq i64 %54, %22
  br i1 %55, label %56, label %58

56:                                               ; preds = %53
  %57 = call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.7, i32 noundef %28, ptr noundef nonnull %6) #12
  br label %63

58:                                               ; preds = %53
  call void @llvm.memcpy.p0.p0.i64(ptr noundef nonnull align 16 dereferenceable(32) @message, ptr noundef nonnull align 16 dereferenceable(32) %6, i64 32, i1 false)
  call void @llvm.lifetime.start.p0(ptr nonnull %7) #9
  store <4 x i32> <i32 1732584193, i32 -271733879, i32 -1732584194, i32 271733878>, ptr %7, align 16, !tbaa !5
  call void @llvm.memset.p0.i64(ptr noundef nonnull align 16 dereferenceable(16) %43, i8 0, i64 16, i1 false)
  %59 = urem i64 %54, %44
  call fastcc void @md5_update(ptr noundef %7, ptr noundef nonnull @message, i64 noundef %59) #12
  %60 = getelementptr inbounds nuw i8, ptr @message, i64 %59
  %61 = sub nsw i64 %44, %59
  call fastcc void @md5_update(ptr noundef %7, ptr noundef nonnull %60, i64 noundef %61) #12
  call fastcc void @md5_final(ptr noundef %7, ptr noundef %5) #12
  call fastcc void @to_hex(ptr noundef %5, ptr noundef %6) #12
  call void @llvm.lifetime.end.p0(ptr nonnull %7) #9
  %62 = add nuw nsw i64 %54, 1
  br label %53, !llvm.loop !16

63:                                               ; preds = %69, %56
  %64 = phi i64 [ %75, %69 ], [ 0, %56 ]
  %65 = phi i32 [ %74, %69 ], [ 0, %56 ]
  %66 = icmp eq i64 %64, 16
  br i1 %66, label %67, label %69

67:                                               ; preds = %63
  %68 = call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.8, i32 noundef %65) #12
  call void @llvm.lifetime.end.p0(ptr nonnull %6) #9
  call void @llvm.lifetime.end.p0(ptr nonnull %5) #9
  ret i32 0

69:                                               ; preds = %63
  %70 = mul i32 %65, 131
  %71 = getelementptr inbounds nuw i8, ptr %5, i64 %64
  %72 = load i8, ptr %71, align 1, !tbaa !14
  %73 = zext i8 %72 to i32
  %74 = add i32 %70, %73
  %75 = add nuw nsw i64 %64, 1
  br label %63, !llvm.loop !17
}

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.start.p0(ptr captures(none)) #1

; Function Attrs: minsize mustprogress nocallback nofree nounwind optsize willreturn memory(argmem: read)
declare i64 @strlen(ptr noundef captures(none)) local_unnamed_addr #2

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(argmem: readwrite) uwtable
define internal fastcc void @to_hex(ptr noundef nonnull readonly captures(none) %0, ptr noundef nonnull writeonly captures(none) %1) unnamed_addr #3 {
  br label %3

3:                                                ; preds = %8, %2
  %4 = phi i64 [ %23, %8 ], [ 0, %2 ]
  %5 = icmp eq i64 %4, 16
  br i1 %5, label %6, label %8

6:                                                ; preds = %3
  %7 = getelementptr inbounds nuw i8, ptr %1, i64 32
  store i8 0, ptr %7, align 1, !tbaa !14
  ret void

8:                                                ; preds = %3
  %9 = getelementptr inbounds nuw i8, ptr %0, i64 %4
  %10 = load i8, ptr %9, align 1, !tbaa !14
  %11 = lshr i8 %10, 4
  %12 = zext nneg i8 %11 to i64
  %13 = getelementptr inbounds nuw i8, ptr @to_hex.hex, i64 %12
  %14 = load i8, ptr %13, align 1, !tbaa !14
  %15 = shl nuw nsw i64 %4, 1
  %16 = getelementptr inbounds nuw i8, ptr %1, i64 %15
  store i8 %14, ptr %16, align 1, !tbaa !14
  %17 = load i8, ptr %9, align 1, !tbaa !14
  %18 = and i8 %17, 15
  %19 = zext nneg i8 %18 to i64
  %20 = getelementptr inbounds nuw i8, ptr @to_hex.hex, i64 %19
  %21 = load i8, ptr %20, align 1, !tbaa !14
  %22 = getelementptr inbounds nuw i8, ptr %16, i64 1
  store i8 %21, ptr %22, align 1, !tbaa !14
  %23 = add nuw nsw i64 %4, 1
  br label %3, !llvm.loop !18
}

; Function Attrs: minsize nofree nounwind optsize
declare noundef i32 @printf(ptr noundef readonly captures(none), ...) local_unnamed_addr #4

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.end.p0(ptr captures(none)) #1

; Function Attrs: mustprogress nocallback nofree nounwind willreturn memory(argmem: readwrite)
declare void @llvm.memcpy.p0.p0.i64(ptr noalias writeonly captures(none), ptr noalias readonly captures(none), i64, i1 immarg) #5

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(argmem: readwrite) uwtable
define internal fastcc void @md5_update(ptr noundef nonnull captures(none) %0, ptr noundef readonly captures(none) %1, i64 noundef %2) unnamed_addr #3 {
  %4 = getelementptr inbounds nuw i8, ptr %0, i64 88
  %5 = load i64, ptr %4, align 8, !tbaa !19
  %6 = add i64 %5, %2
  store i64 %6, ptr %4, align 8, !tbaa !19
  %7 = getelementptr inbounds nuw i8, ptr %0, i64 80
  %8 = getelementptr inbounds nuw i8, ptr %0, i64 16
  br label %9

9:                                                ; preds = %30, %3
  %10 = phi i64 [ %2, %3 ], [ %31, %30 ]
  %11 = phi ptr [ %1, %3 ], [ %32, %30 ]
  %12 = icmp eq i64 %10, 0
  br i1 %12, label %34, label %13

13:                                               ; preds = %9
  %14 = load i64, ptr %7, align 8, !tbaa !22
  %15 = icmp eq i64 %14, 0
  %16 = icmp ugt i64 %10, 63
  %17 = and i1 %16, %15
  br i1 %17, label %18, label %21

18:                                               ; preds = %13
  tail call fastcc void @md5_block(ptr noundef %0, ptr noundef %11) #12
  %19 = getelementptr inbounds nuw i8, ptr %11, i64 64
  %20 = add i64 %10, -64
  br label %30

21:                                               ; preds = %13
  %22 = sub i64 64, %14
  %23 = tail call i64 @llvm.umin.i64(i64 %22, i64 %10)
  %24 = getelementptr inbounds nuw i8, ptr %8, i64 %14
  tail call void @llvm.memcpy.p0.p0.i64(ptr nonnull align 1 %24, ptr align 1 %11, i64 %23, i1 false)
  %25 = load i64, ptr %7, align 8, !tbaa !22
  %26 = add i64 %25, %23
  store i64 %26, ptr %7, align 8, !tbaa !22
  %27 = getelementptr inbounds nuw i8, ptr %11, i64 %23
  %28 = sub i64 %10, %23
  %29 = icmp eq i64 %26, 64
  br i1 %29, label %33, label %30

30:                                               ; preds = %21, %33, %18
  %31 = phi i64 [ %20, %18 ], [ %28, %33 ], [ %28, %21 ]
  %32 = phi ptr [ %19, %18 ], [ %27, %33 ], [ %27, %21 ]
  br label %9, !llvm.loop !23

33:                                               ; preds = %21
  tail call fastcc void @md5_block(ptr noundef %0, ptr noundef nonnull %8) #12
  store i64 0, ptr %7, align 8, !tbaa !22
  br label %30

34:                                               ; preds = %9
  ret void
}

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(argmem: readwrite) uwtable
define internal fastcc void @md5_final(ptr noundef nonnull captures(none) %0, ptr noundef nonnull writeonly captures(none) %1) unnamed_addr #3 {
  %3 = alloca [72 x i8], align 16
  %4 = alloca [8 x i8], align 1
  %5 = alloca [4 x i32], align 16
  %6 = getelementptr inbounds nuw i8, ptr %0, i64 88
  %7 = load i64, ptr %6, align 8, !tbaa !19
  %8 = shl i64 %7, 3
  call void @llvm.lifetime.start.p0(ptr nonnull %3) #9
  call void @llvm.memset.p0.i64(ptr noundef nonnull align 16 dereferenceable(72) %3, i8 0, i64 72, i1 false)
  store i8 -128, ptr %3, align 16
  %9 = getelementptr inbounds nuw i8, ptr %0, i64 80
  %10 = load i64, ptr %9, align 8, !tbaa !22
  %11 = icmp ult i64 %10, 56
  %12 = select i1 %11, i64 56, i64 120
  %13 = sub i64 %12, %10
  call fastcc void @md5_update(ptr noundef %0, ptr noundef nonnull %3, i64 noundef %13) #12
  call void @llvm.lifetime.start.p0(ptr nonnull %4) #9
  br label %14

14:                                               ; preds = %19, %2
  %15 = phi i64 [ %24, %19 ], [ 0, %2 ]
  %16 = icmp eq i64 %15, 8
  br i1 %16, label %17, label %19

17:                                               ; preds = %14
  call fastcc void @md5_update(ptr noundef %0, ptr noundef nonnull %4, i64 noundef 8) #12
  call void @llvm.lifetime.start.p0(ptr nonnull %5) #9
  %18 = load <4 x i32>, ptr %0, align 8, !tbaa !5
  store <4 x i32> %18, ptr %5, align 16, !tbaa !5
  br label %25

19:                                               ; preds = %14
  %20 = shl nuw nsw i64 %15, 3
  %21 = lshr i64 %8, %20
  %22 = trunc i64 %21 to i8
  %23 = getelementptr inbounds nuw i8, ptr %4, i64 %15
  store i8 %22, ptr %23, align 1, !tbaa !14
  %24 = add nuw nsw i64 %15, 1
  br label %14, !llvm.loop !24

25:                                               ; preds = %37, %17
  %26 = phi i64 [ %38, %37 ], [ 0, %17 ]
  %27 = icmp eq i64 %26, 4
  br i1 %27, label %33, label %28

28:                                               ; preds = %25
  %29 = getelementptr inbounds nuw i32, ptr %5, i64 %26
  %30 = load i32, ptr %29, align 4, !tbaa !5
  %31 = shl nuw nsw i64 %26, 2
  %32 = getelementptr inbounds nuw i8, ptr %1, i64 %31
  br label %34

33:                                               ; preds = %25
  call void @llvm.lifetime.end.p0(ptr nonnull %5) #9
  call void @llvm.lifetime.end.p0(ptr nonnull %4) #9
  call void @llvm.lifetime.end.p0(ptr nonnull %3) #9
  ret void

34:                                               ; preds = %28, %39
  %35 = phi i64 [ 0, %28 ], [ %45, %39 ]
  %36 = icmp eq i64 %35, 4
  br i1 %36, label %37, label %39

37:                                               ; preds = %34
  %38 = add nuw nsw i64 %26, 1
  br label %25, !llvm.loop !25

39:                                               ; preds = %34
  %40 = trunc i64 %35 to i32
  %41 = shl i32 %40, 3
  %42 = lshr i32 %30, %41
  %43 = trunc i32 %42 to i8
  %44 = getelementptr inbounds nuw i8, ptr %32, i64 %35
  store i8 %43, ptr %44, align 1, !tbaa !14
  %45 = add nuw nsw i64 %35, 1
  br label %34, !llvm.loop !26
}

; Function Attrs: minsize mustprogress nocallback nofree nounwind optsize willreturn
declare i64 @strtol(ptr noundef readonly, ptr noundef captures(none), i32 noundef) local_unnamed_addr #6

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(argmem: readwrite) uwtable
define internal fastcc void @md5_block(ptr noundef nonnull captures(none) %0, ptr noundef readonly captures(none) %1) unnamed_addr #3 {
  %3 = alloca [16 x i32], align 16
  call void @llvm.lifetime.start.p0(ptr nonnull %3) #9
  br label %4

4:                                                ; preds = %15, %2
  %5 = phi i64 [ %20, %15 ], [ 0, %2 ]
  %6 = icmp eq i64 %5, 16
  br i1 %6, label %7, label %15

7:                                                ; preds = %4
  %8 = load i32, ptr %0, align 8, !tbaa !27
  %9 = getelementptr inbounds nuw i8, ptr %0, i64 4
  %10 = load i32, ptr %9, align 4, !tbaa !28
  %11 = getelementptr inbounds nuw i8, ptr %0, i64 8
  %12 = load i32, ptr %11, align 8, !tbaa !29
  %13 = getelementptr inbounds nuw i8, ptr %0, i64 12
  %14 = load i32, ptr %13, align 4, !tbaa !30
  br label %21

15:                                               ; preds = %4
  %16 = shl nuw nsw i64 %5, 2
  %17 = getelementptr inbounds nuw i8, ptr %1, i64 %16
  %18 = load i32, ptr %17, align 1
  %19 = getelementptr inbounds nuw i32, ptr %3, i64 %5
  store i32 %18, ptr %19, align 4, !tbaa !5
  %20 = add nuw nsw i64 %5, 1
  br label %4, !llvm.loop !31

21:                                               ; preds = %62, %7
  %22 = phi i64 [ %82, %62 ], [ 0, %7 ]
  %23 = phi i32 [ %26, %62 ], [ %8, %7 ]
  %24 = phi i32 [ %81, %62 ], [ %10, %7 ]
  %25 = phi i32 [ %24, %62 ], [ %12, %7 ]
  %26 = phi i32 [ %25, %62 ], [ %14, %7 ]
  %27 = icmp eq i64 %22, 64
  br i1 %27, label %28, label %33

28:                                               ; preds = %21
  %29 = add i32 %23, %8
  store i32 %29, ptr %0, align 8, !tbaa !27
  %30 = add i32 %24, %10
  store i32 %30, ptr %9, align 4, !tbaa !28
  %31 = add i32 %25, %12
  store i32 %31, ptr %11, align 8, !tbaa !29
  %32 = add i32 %26, %14
  store i32 %32, ptr %13, align 4, !tbaa !30
  call void @llvm.lifetime.end.p0(ptr nonnull %3) #9
  ret void

33:                                               ; preds = %21
  %34 = trunc nuw nsw i64 %22 to i32
  %35 = lshr i32 %34, 4
  switch i32 %35, label %56 [
    i32 0, label %36
    i32 1, label %42
    i32 2, label %50
  ]

36:                                               ; preds = %33
  %37 = and i32 %25, %24
  %38 = xor i32 %24, -1
  %39 = and i32 %26, %38
  %40 = or i32 %39, %37
  %41 = and i64 %22, 4294967295
  br label %62

42:                                               ; preds = %33
  %43 = and i32 %26, %24
  %44 = xor i32 %26, -1
  %45 = and i32 %25, %44
  %46 = or i32 %43, %45
  %47 = mul i64 %22, 5
  %48 = add i64 %47, 1
  %49 = and i64 %48, 15
  br label %62

50:                                               ; preds = %33
  %51 = xor i32 %25, %24
  %52 = xor i32 %51, %26
  %53 = mul i64 %22, 3
  %54 = add i64 %53, 5
  %55 = and i64 %54, 15
  br label %62

56:                                               ; preds = %33
  %57 = xor i32 %26, -1
  %58 = or i32 %24, %57
  %59 = xor i32 %58, %25
  %60 = mul i64 %22, 7
  %61 = and i64 %60, 15
  br label %62

62:                                               ; preds = %56, %50, %42, %36
  %63 = phi i32 [ %59, %56 ], [ %40, %36 ], [ %46, %42 ], [ %52, %50 ]
  %64 = phi i64 [ %61, %56 ], [ %41, %36 ], [ %49, %42 ], [ %55, %50 ]
  %65 = add i32 %63, %23
  %66 = getelementptr inbounds nuw i32, ptr @T, i64 %22
  %67 = load i32, ptr %66, align 4, !tbaa !5
  %68 = add i32 %65, %67
  %69 = getelementptr inbounds nuw i32, ptr %3, i64 %64
  %70 = load i32, ptr %69, align 4, !tbaa !5
  %71 = add i32 %68, %70
  %72 = zext nneg i32 %35 to i64
  %73 = getelementptr inbounds nuw [4 x i32], ptr @SHIFTS, i64 %72
  %74 = and i64 %22, 3
  %75 = getelementptr inbounds nuw i32, ptr %73, i64 %74
  %76 = load i32, ptr %75, align 4, !tbaa !5
  %77 = shl i32 %71, %76
  %78 = sub nsw i32 32, %76
  %79 = lshr i32 %71, %78
  %80 = add i32 %77, %24
  %81 = add i32 %80, %79
  %82 = add nuw nsw i64 %22, 1
  br label %21, !llvm.loop !32
}

; Function Attrs: mustprogress nocallback nofree nounwind willreturn memory(argmem: write)
declare void @llvm.memset.p0.i64(ptr writeonly captures(none), i8, i64, i1 immarg) #7

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare i64 @llvm.umin.i64(i64, i64) #8

attributes #0 = { minsize nofree nounwind optsize uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite) }
attributes #2 = { minsize mustprogress nocallback nofree nounwind optsize willreturn memory(argmem: read) "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { minsize nofree norecurse nosync nounwind optsize memory(argmem: readwrite) uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #4 = { minsize nofree nounwind optsize "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #5 = { mustprogress nocallback nofree nounwind willreturn memory(argmem: readwrite) }
attributes #6 = { minsize mustprogress nocallback nofree nounwind optsize willreturn "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #7 = { mustprogress nocallback nofree nounwind willreturn memory(argmem: write) }
attributes #8 = { nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none) }
attributes #9 = { nounwind }
attributes #10 = { minsize nounwind optsize }
attributes #11 = { minsize nounwind optsize willreturn memory(read) }
attributes #12 = { minsize optsize }

!llvm.module.flags = !{!0, !1, !2, !3}
!llvm.ident = !{!4}
!llvm.errno.tbaa = !{!5}

!0 = !{i32 1, !"wchar_size", i32 4}
!1 = !{i32 8, !"PIC Level", i32 2}
!2 = !{i32 7, !"PIE Level", i32 2}
!3 = !{i32 7, !"uwtable", i32 2}
!4 = !{!"Debian clang version 22.1.8 (1~deb12u1)"}
!5 = !{!6, !6, i64 0}
!6 = !{!"int", !7, i64 0}
!7 = !{!"omnipotent char", !8, i64 0}
!8 = !{!"Simple C/C++ TBAA"}
!9 = !{!10, !10, i64 0}
!10 = !{!"p1 omnipotent char", !11, i64 0}
!11 = !{!"any pointer", !7, i64 0}
!12 = distinct !{!12, !13}
!13 = !{!"llvm.loop.mustprogress"}
!14 = !{!7, !7, i64 0}
!15 = distinct !{!15, !13}
!16 = distinct !{!16, !13}
!17 = distinct !{!17, !13}
!18 = distinct !{!18, !13}
!19 = !{!20, !21, i64 88}
!20 = !{!"", !6, i64 0, !6, i64 4, !6, i64 8, !6, i64 12, !7, i64 16, !21, i64 80, !21, i64 88}
!21 = !{!"long", !7, i64 0}
!22 = !{!20, !21, i64 80}
!23 = distinct !{!23, !13}
!24 = distinct !{!24, !13}
!25 = distinct !{!25, !13}
!26 = distinct !{!26, !13}
!27 = !{!20, !6, i64 0}
!28 = !{!20, !6, i64 4}
!29 = !{!20, !6, i64 8}
!30 = !{!20, !6, i64 12}
!31 = distinct !{!31, !13}
!32 = distinct !{!32, !13}
