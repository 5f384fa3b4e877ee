; ModuleID = 'module'
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
  br i1 %8, label %9, label %parse_arg.exit

9:                                                ; preds = %2
  call void @llvm.lifetime.start.p0(ptr nonnull %4) #9
  %10 = getelementptr inbounds nuw i8, ptr %1, i64 8
  %11 = load ptr, ptr %10, align 8, !tbaa !9
  %12 = call i64 @strtol(ptr noundef %11, ptr noundef nonnull %4, i32 noundef 10) #10
  %.fr.i = freeze i64 %12
  %13 = load ptr, ptr %4, align 8, !tbaa !9
  %14 = load ptr, ptr %10, align 8, !tbaa !9
  %.not.i = icmp eq ptr %13, %14
  call void @llvm.lifetime.end.p0(ptr nonnull %4) #9
  br i1 %.not.i, label %parse_arg.exit, label %15

15:                                               ; preds = %9
  %16 = icmp slt i64 %.fr.i, 1
  br i1 %16, label %parse_arg.exit, label %17

17:                                               ; preds = %15
  %spec.select.i = tail call i64 @llvm.umin.i64(i64 %.fr.i, i64 100000)
  br label %parse_arg.exit

parse_arg.exit:                                   ; preds = %2, %9, %15, %17
  %18 = phi i64 [ 1, %15 ], [ %spec.select.i, %17 ], [ 200, %9 ], [ 200, %2 ]
  call void @llvm.lifetime.start.p0(ptr nonnull %5) #9
  call void @llvm.lifetime.start.p0(ptr nonnull %6) #9
  %19 = getelementptr inbounds nuw i8, ptr %3, i64 80
  br label %20

20:                                               ; preds = %26, %parse_arg.exit
  %.030 = phi i64 [ 0, %parse_arg.exit ], [ %31, %26 ]
  %exitcond.not = icmp eq i64 %.030, 6
  br i1 %exitcond.not, label %21, label %26

21:                                               ; preds = %20
  %22 = trunc nuw nsw i64 %18 to i32
  %23 = urem i64 %18, 300
  %24 = add nuw nsw i64 %23, 100
  %25 = add nuw nsw i32 %22, 981
  br label %32

26:                                               ; preds = %20
  %27 = getelementptr inbounds nuw ptr, ptr @main.suite, i64 %.030
  %28 = load ptr, ptr %27, align 8, !tbaa !9
  %29 = call i64 @strlen(ptr noundef nonnull dereferenceable(1) %28) #11
  call void @llvm.lifetime.start.p0(ptr nonnull %3) #9
  store <4 x i32> <i32 1732584193, i32 -271733879, i32 -1732584194, i32 271733878>, ptr %3, align 16, !tbaa !5
  call void @llvm.memset.p0.i64(ptr noundef nonnull align 16 dereferenceable(16) %19, i8 0, i64 16, i1 false)
  call fastcc void @md5_update(ptr noundef %3, ptr noundef nonnull readonly %28, i64 noundef %29) #12
  call fastcc void @md5_final(ptr noundef %3, ptr noundef nonnull %5) #12
  call void @llvm.lifetime.end.p0(ptr nonnull %3) #9
  call fastcc void @to_hex(ptr noundef %5, ptr noundef %6) #12
  %30 = call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.6, ptr noundef nonnull %28, ptr noundef nonnull %6) #12
  %31 = add nuw nsw i64 %.030, 1
  br label %20, !llvm.loop !12

32:                                               ; preds = %36, %21
  %.033 = phi i32 [ %25, %21 ], [ %38, %36 ]
  %.032 = phi i64 [ 0, %21 ], [ %43, %36 ]
  %exitcond36.not = icmp eq i64 %.032, %24
  br i1 %exitcond36.not, label %33, label %36

33:                                               ; preds = %32
  call fastcc void @to_hex(ptr noundef %5, ptr noundef %6) #12
  %34 = getelementptr inbounds nuw i8, ptr %7, i64 80
  %35 = add nuw nsw i64 %23, 132
  br label %44

36:                                               ; preds = %32
  %37 = mul i32 %.033, 1103515245
  %38 = add i32 %37, 12345
  %39 = lshr i32 %38, 16
  %40 = trunc i32 %39 to i8
  %41 = getelementptr inbounds nuw i8, ptr @message, i64 %.032
  %42 = getelementptr inbounds nuw i8, ptr %41, i64 32
  store i8 %40, ptr %42, align 1, !tbaa !14
  %43 = add nuw i64 %.032, 1
  br label %32, !llvm.loop !15

44:                                               ; preds = %47, %33
  %indvars.iv = phi i64 [ %indvars.iv.next, %47 ], [ 0, %33 ]
  %exitcond38.not = icmp eq i64 %indvars.iv, %18
  br i1 %exitcond38.not, label %45, label %47

45:                                               ; preds = %44
  %46 = call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.7, i32 noundef %22, ptr noundef nonnull %6) #12
  br label %51

47:                                               ; preds = %44
  call void @llvm.memcpy.p0.p0.i64(ptr noundef nonnull align 16 dereferenceable(32) @message, ptr noundef nonnull align 16 dereferenceable(32) %6, i64 32, i1 false)
  call void @llvm.lifetime.start.p0(ptr nonnull %7) #9
  store <4 x i32> <i32 1732584193, i32 -271733879, i32 -1732584194, i32 271733878>, ptr %7, align 16, !tbaa !5
  call void @llvm.memset.p0.i64(ptr noundef nonnull align 16 dereferenceable(16) %34, i8 0, i64 16, i1 false)
  %48 = urem i64 %indvars.iv, %35
  call fastcc void @md5_update(ptr noundef %7, ptr noundef nonnull @message, i64 noundef %48) #12
  %49 = getelementptr inbounds nuw i8, ptr @message, i64 %48
  %50 = sub nsw i64 %35, %48
  call fastcc void @md5_update(ptr noundef %7, ptr noundef nonnull %49, i64 noundef %50) #12
  call fastcc void @md5_final(ptr noundef %7, ptr noundef %5) #12
  call fastcc void @to_hex(ptr noundef %5, ptr noundef %6) #12
  call void @llvm.lifetime.end.p0(ptr nonnull %7) #9
  %indvars.iv.next = add nuw nsw i64 %indvars.iv, 1
  br label %44, !llvm.loop !16

51:                                               ; preds = %54, %45
  %indvars.iv39 = phi i64 [ %indvars.iv.next40, %54 ], [ 0, %45 ]
  %.029 = phi i32 [ %59, %54 ], [ 0, %45 ]
  %exitcond42.not = icmp eq i64 %indvars.iv39, 16
  br i1 %exitcond42.not, label %52, label %54

52:                                               ; preds = %51
  %53 = call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.8, i32 noundef %.029) #12
  call void @llvm.lifetime.end.p0(ptr nonnull %6) #9
  call void @llvm.lifetime.end.p0(ptr nonnull %5) #9
  ret i32 0

54:                                               ; preds = %51
  %55 = mul i32 %.029, 131
  %56 = getelementptr inbounds nuw i8, ptr %5, i64 %indvars.iv39
  %57 = load i8, ptr %56, align 1, !tbaa !14
  %58 = zext i8 %57 to i32
  %59 = add i32 %55, %58
  %indvars.iv.next40 = add nuw nsw i64 %indvars.iv39, 1
  br label %51, !llvm.loop !17
}

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.start.p0(ptr captures(none)) #1

; Function Attrs: minsize mustprogress nocallback nofree nounwind optsize willreturn memory(argmem: read)
declare i64 @strlen(ptr noundef captures(none)) local_unnamed_addr #2

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(argmem: readwrite) uwtable
define internal fastcc void @to_hex(ptr noundef nonnull readonly captures(none) %0, ptr noundef nonnull writeonly captures(none) %1) unnamed_addr #3 {
  br label %3

3:                                                ; preds = %6, %2
  %indvars.iv = phi i64 [ %indvars.iv.next, %6 ], [ 0, %2 ]
  %exitcond.not = icmp eq i64 %indvars.iv, 16
  br i1 %exitcond.not, label %4, label %6

4:                                                ; preds = %3
  %5 = getelementptr inbounds nuw i8, ptr %1, i64 32
  store i8 0, ptr %5, align 1, !tbaa !14
  ret void

6:                                                ; preds = %3
  %7 = getelementptr inbounds nuw i8, ptr %0, i64 %indvars.iv
  %8 = load i8, ptr %7, align 1, !tbaa !14
  %9 = lshr i8 %8, 4
  %10 = zext nneg i8 %9 to i64
  %11 = getelementptr inbounds nuw i8, ptr @to_hex.hex, i64 %10
  %12 = load i8, ptr %11, align 1, !tbaa !14
  %13 = shl nuw nsw i64 %indvars.iv, 1
  %14 = getelementptr inbounds nuw i8, ptr %1, i64 %13
  store i8 %12, ptr %14, align 1, !tbaa !14
  %15 = load i8, ptr %7, align 1, !tbaa !14
  %16 = and i8 %15, 15
  %17 = zext nneg i8 %16 to i64
  %18 = getelementptr inbounds nuw i8, ptr @to_hex.hex, i64 %17
  %19 = load i8, ptr %18, align 1, !tbaa !14
  %20 = getelementptr inbounds nuw i8, ptr %14, i64 1
  store i8 %19, ptr %20, align 1, !tbaa !14
  %indvars.iv.next = add nuw nsw i64 %indvars.iv, 1
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
  br label %.backedge

.backedge:                                        ; preds = %.backedge.backedge, %3
  %.027 = phi i64 [ %2, %3 ], [ %.027.be, %.backedge.backedge ]
  %.0 = phi ptr [ %1, %3 ], [ %.0.be, %.backedge.backedge ]
  %.not = icmp eq i64 %.027, 0
  br i1 %.not, label %25, label %9

9:                                                ; preds = %.backedge
  %10 = load i64, ptr %7, align 8, !tbaa !22
  %11 = icmp eq i64 %10, 0
  %12 = icmp ugt i64 %.027, 63
  %or.cond = and i1 %12, %11
  br i1 %or.cond, label %13, label %16

13:                                               ; preds = %9
  tail call fastcc void @md5_block(ptr noundef %0, ptr noundef %.0) #12
  %14 = getelementptr inbounds nuw i8, ptr %.0, i64 64
  %15 = add i64 %.027, -64
  br label %.backedge.backedge

16:                                               ; preds = %9
  %17 = sub i64 64, %10
  %..027 = tail call i64 @llvm.umin.i64(i64 %17, i64 %.027)
  %18 = getelementptr inbounds nuw i8, ptr %8, i64 %10
  tail call void @llvm.memcpy.p0.p0.i64(ptr nonnull align 1 %18, ptr align 1 %.0, i64 %..027, i1 false)
  %19 = load i64, ptr %7, align 8, !tbaa !22
  %20 = add i64 %19, %..027
  store i64 %20, ptr %7, align 8, !tbaa !22
  %21 = getelementptr inbounds nuw i8, ptr %.0, i64 %..027
  %22 = sub i64 %.027, %..027
  %23 = icmp eq i64 %20, 64
  br i1 %23, label %24, label %.backedge.backedge

.backedge.backedge:                               ; preds = %16, %24, %13
  %.027.be = phi i64 [ %15, %13 ], [ %22, %24 ], [ %22, %16 ]
  %.0.be = phi ptr [ %14, %13 ], [ %21, %24 ], [ %21, %16 ]
  br label %.backedge, !llvm.loop !23

24:                                               ; preds = %16
  tail call fastcc void @md5_block(ptr noundef %0, ptr noundef nonnull %8) #12
  store i64 0, ptr %7, align 8, !tbaa !22
  br label %.backedge.backedge

25:                                               ; preds = %.backedge
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
  %. = select i1 %11, i64 56, i64 120
  %12 = sub i64 %., %10
  call fastcc void @md5_update(ptr noundef %0, ptr noundef nonnull %3, i64 noundef %12) #12
  call void @llvm.lifetime.start.p0(ptr nonnull %4) #9
  br label %13

13:                                               ; preds = %16, %2
  %indvars.iv = phi i64 [ %indvars.iv.next, %16 ], [ 0, %2 ]
  %exitcond.not = icmp eq i64 %indvars.iv, 8
  br i1 %exitcond.not, label %14, label %16

14:                                               ; preds = %13
  call fastcc void @md5_update(ptr noundef %0, ptr noundef nonnull %4, i64 noundef 8) #12
  call void @llvm.lifetime.start.p0(ptr nonnull %5) #9
  %15 = load <4 x i32>, ptr %0, align 8, !tbaa !5
  store <4 x i32> %15, ptr %5, align 16, !tbaa !5
  br label %21

16:                                               ; preds = %13
  %17 = shl nuw nsw i64 %indvars.iv, 3
  %18 = lshr i64 %8, %17
  %19 = trunc i64 %18 to i8
  %20 = getelementptr inbounds nuw i8, ptr %4, i64 %indvars.iv
  store i8 %19, ptr %20, align 1, !tbaa !14
  %indvars.iv.next = add nuw nsw i64 %indvars.iv, 1
  br label %13, !llvm.loop !24

21:                                               ; preds = %27, %14
  %indvars.iv32 = phi i64 [ %indvars.iv.next33, %27 ], [ 0, %14 ]
  %exitcond35.not = icmp eq i64 %indvars.iv32, 4
  br i1 %exitcond35.not, label %25, label %.preheader

.preheader:                                       ; preds = %21
  %22 = getelementptr inbounds nuw i32, ptr %5, i64 %indvars.iv32
  %23 = load i32, ptr %22, align 4, !tbaa !5
  %24 = shl nuw nsw i64 %indvars.iv32, 2
  %invariant.gep = getelementptr inbounds nuw i8, ptr %1, i64 %24
  br label %26

25:                                               ; preds = %21
  call void @llvm.lifetime.end.p0(ptr nonnull %5) #9
  call void @llvm.lifetime.end.p0(ptr nonnull %4) #9
  call void @llvm.lifetime.end.p0(ptr nonnull %3) #9
  ret void

26:                                               ; preds = %.preheader, %28
  %indvars.iv28 = phi i64 [ 0, %.preheader ], [ %indvars.iv.next29, %28 ]
  %exitcond31.not = icmp eq i64 %indvars.iv28, 4
  br i1 %exitcond31.not, label %27, label %28

27:                                               ; preds = %26
  %indvars.iv.next33 = add nuw nsw i64 %indvars.iv32, 1
  br label %21, !llvm.loop !25

28:                                               ; preds = %26
  %indvars.iv28.tr = trunc i64 %indvars.iv28 to i32
  %29 = shl i32 %indvars.iv28.tr, 3
  %30 = lshr i32 %23, %29
  %31 = trunc i32 %30 to i8
  %gep = getelementptr inbounds nuw i8, ptr %invariant.gep, i64 %indvars.iv28
  store i8 %31, ptr %gep, align 1, !tbaa !14
  %indvars.iv.next29 = add nuw nsw i64 %indvars.iv28, 1
  br label %26, !llvm.loop !26
}

; Function Attrs: minsize mustprogress nocallback nofree nounwind optsize willreturn
declare i64 @strtol(ptr noundef readonly, ptr noundef captures(none), i32 noundef) local_unnamed_addr #6

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(argmem: readwrite) uwtable
define internal fastcc void @md5_block(ptr noundef nonnull captures(none) %0, ptr noundef readonly captures(none) %1) unnamed_addr #3 {
  %3 = alloca [16 x i32], align 16
  call void @llvm.lifetime.start.p0(ptr nonnull %3) #9
  br label %4

4:                                                ; preds = %13, %2
  %indvars.iv = phi i64 [ %indvars.iv.next, %13 ], [ 0, %2 ]
  %exitcond.not = icmp eq i64 %indvars.iv, 16
  br i1 %exitcond.not, label %5, label %13

5:                                                ; preds = %4
  %6 = load i32, ptr %0, align 8, !tbaa !27
  %7 = getelementptr inbounds nuw i8, ptr %0, i64 4
  %8 = load i32, ptr %7, align 4, !tbaa !28
  %9 = getelementptr inbounds nuw i8, ptr %0, i64 8
  %10 = load i32, ptr %9, align 8, !tbaa !29
  %11 = getelementptr inbounds nuw i8, ptr %0, i64 12
  %12 = load i32, ptr %11, align 4, !tbaa !30
  br label %18

13:                                               ; preds = %4
  %14 = shl nuw nsw i64 %indvars.iv, 2
  %15 = getelementptr inbounds nuw i8, ptr %1, i64 %14
  %16 = load i32, ptr %15, align 1
  %17 = getelementptr inbounds nuw i32, ptr %3, i64 %indvars.iv
  store i32 %16, ptr %17, align 4, !tbaa !5
  %indvars.iv.next = add nuw nsw i64 %indvars.iv, 1
  br label %4, !llvm.loop !31

18:                                               ; preds = %53, %5
  %indvars.iv62 = phi i64 [ %indvars.iv.next63, %53 ], [ 0, %5 ]
  %.060 = phi i32 [ %.057, %53 ], [ %6, %5 ]
  %.059 = phi i32 [ %70, %53 ], [ %8, %5 ]
  %.058 = phi i32 [ %.059, %53 ], [ %10, %5 ]
  %.057 = phi i32 [ %.058, %53 ], [ %12, %5 ]
  %exitcond65.not = icmp eq i64 %indvars.iv62, 64
  br i1 %exitcond65.not, label %19, label %24

19:                                               ; preds = %18
  %20 = add i32 %.060, %6
  store i32 %20, ptr %0, align 8, !tbaa !27
  %21 = add i32 %.059, %8
  store i32 %21, ptr %7, align 4, !tbaa !28
  %22 = add i32 %.058, %10
  store i32 %22, ptr %9, align 8, !tbaa !29
  %23 = add i32 %.057, %12
  store i32 %23, ptr %11, align 4, !tbaa !30
  call void @llvm.lifetime.end.p0(ptr nonnull %3) #9
  ret void

24:                                               ; preds = %18
  %25 = trunc nuw nsw i64 %indvars.iv62 to i32
  %26 = lshr i32 %25, 4
  switch i32 %26, label %47 [
    i32 0, label %27
    i32 1, label %33
    i32 2, label %41
  ]

27:                                               ; preds = %24
  %28 = and i32 %.058, %.059
  %29 = xor i32 %.059, -1
  %30 = and i32 %.057, %29
  %31 = or i32 %30, %28
  %32 = and i64 %indvars.iv62, 4294967295
  br label %53

33:                                               ; preds = %24
  %34 = and i32 %.057, %.059
  %35 = xor i32 %.057, -1
  %36 = and i32 %.058, %35
  %37 = or i32 %34, %36
  %38 = mul i64 %indvars.iv62, 5
  %39 = add i64 %38, 1
  %40 = and i64 %39, 15
  br label %53

41:                                               ; preds = %24
  %42 = xor i32 %.058, %.059
  %43 = xor i32 %42, %.057
  %44 = mul i64 %indvars.iv62, 3
  %45 = add i64 %44, 5
  %46 = and i64 %45, 15
  br label %53

47:                                               ; preds = %24
  %48 = xor i32 %.057, -1
  %49 = or i32 %.059, %48
  %50 = xor i32 %49, %.058
  %51 = mul i64 %indvars.iv62, 7
  %52 = and i64 %51, 15
  br label %53

53:                                               ; preds = %47, %41, %33, %27
  %.055 = phi i32 [ %50, %47 ], [ %31, %27 ], [ %37, %33 ], [ %43, %41 ]
  %.054 = phi i64 [ %52, %47 ], [ %32, %27 ], [ %40, %33 ], [ %46, %41 ]
  %54 = add i32 %.055, %.060
  %55 = getelementptr inbounds nuw i32, ptr @T, i64 %indvars.iv62
  %56 = load i32, ptr %55, align 4, !tbaa !5
  %57 = add i32 %54, %56
  %58 = getelementptr inbounds nuw i32, ptr %3, i64 %.054
  %59 = load i32, ptr %58, align 4, !tbaa !5
  %60 = add i32 %57, %59
  %61 = zext nneg i32 %26 to i64
  %62 = getelementptr inbounds nuw [4 x i32], ptr @SHIFTS, i64 %61
  %63 = and i64 %indvars.iv62, 3
  %64 = getelementptr inbounds nuw i32, ptr %62, i64 %63
  %65 = load i32, ptr %64, align 4, !tbaa !5
  %66 = shl i32 %60, %65
  %67 = sub nsw i32 32, %65
  %68 = lshr i32 %60, %67
  %69 = add i32 %66, %.059
  %70 = add i32 %69, %68
  %indvars.iv.next63 = add nuw nsw i64 %indvars.iv62, 1
  br label %18, !llvm.loop !32
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
