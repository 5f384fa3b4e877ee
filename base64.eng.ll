; ModuleID = 'module'
source_filename = "base64.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@data = internal global [300000 x i8] zeroinitializer, align 16
@std_alpha = internal constant [65 x i8] c"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\00", align 16
@url_alpha = internal constant [65 x i8] c"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_\00", align 16
@text = internal global [600008 x i8] zeroinitializer, align 16
@back = internal global [300000 x i8] zeroinitializer, align 16
@.str = private unnamed_addr constant [9 x i8] c"SGVsbG8*\00", align 1
@.str.1 = private unnamed_addr constant [8 x i8] c"SGVsbG8\00", align 1
@.str.2 = private unnamed_addr constant [8 x i8] c"SGVsbG9\00", align 1
@.str.4 = private unnamed_addr constant [3 x i8] c"zz\00", align 1
@.str.5 = private unnamed_addr constant [7 x i8] c"Man is\00", align 1
@.str.6 = private unnamed_addr constant [16 x i8] c"\22Man is\22 -> %s\0A\00", align 1
@.str.7 = private unnamed_addr constant [63 x i8] c"encoded %zu chars, hex %zu chars, roundtrip %d, rejected %d/5\0A\00", align 1
@.str.8 = private unnamed_addr constant [14 x i8] c"checksum: %u\0A\00", align 1
@hex_encode.digits = internal unnamed_addr constant [17 x i8] c"0123456789abcdef\00", align 16
@switch.table.hex_decode = private unnamed_addr constant [55 x i32] [i32 -48, i32 -48, i32 -48, i32 -48, i32 -48, i32 -48, i32 -48, i32 -48, i32 -48, i32 -48, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 -55, i32 -55, i32 -55, i32 -55, i32 -55, i32 -55, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 poison, i32 -87, i32 -87, i32 -87, i32 -87, i32 -87, i32 -87], align 4

; Function Attrs: minsize nofree nounwind optsize uwtable
define dso_local noundef i32 @main(i32 noundef %0, ptr noundef readonly captures(none) %1) local_unnamed_addr #0 {
  %3 = alloca ptr, align 8
  %4 = alloca [256 x i8], align 16
  %5 = alloca [256 x i8], align 16
  %6 = icmp sgt i32 %0, 1
  br i1 %6, label %7, label %parse_arg.exit

7:                                                ; preds = %2
  call void @llvm.lifetime.start.p0(ptr nonnull %3) #9
  %8 = getelementptr inbounds nuw i8, ptr %1, i64 8
  %9 = load ptr, ptr %8, align 8, !tbaa !9
  %10 = call i64 @strtol(ptr noundef %9, ptr noundef nonnull %3, i32 noundef 10) #10
  %.fr.i = freeze i64 %10
  %11 = load ptr, ptr %3, align 8, !tbaa !9
  %12 = load ptr, ptr %8, align 8, !tbaa !9
  %.not.i = icmp eq ptr %11, %12
  call void @llvm.lifetime.end.p0(ptr nonnull %3) #9
  br i1 %.not.i, label %parse_arg.exit, label %13

13:                                               ; preds = %7
  %14 = icmp slt i64 %.fr.i, 1
  br i1 %14, label %parse_arg.exit, label %15

15:                                               ; preds = %13
  %spec.select.i = tail call i64 @llvm.umin.i64(i64 %.fr.i, i64 300000)
  br label %parse_arg.exit

parse_arg.exit:                                   ; preds = %2, %7, %13, %15
  %16 = phi i64 [ 1, %13 ], [ %spec.select.i, %15 ], [ 30000, %7 ], [ 30000, %2 ]
  %17 = trunc nuw nsw i64 %16 to i32
  %18 = add nuw nsw i32 %17, 2916
  br label %19

19:                                               ; preds = %21, %parse_arg.exit
  %.053 = phi i64 [ 0, %parse_arg.exit ], [ %31, %21 ]
  %.0 = phi i32 [ %18, %parse_arg.exit ], [ %27, %21 ]
  %exitcond.not = icmp eq i64 %.053, %16
  br i1 %exitcond.not, label %20, label %21

20:                                               ; preds = %19
  call void @llvm.lifetime.start.p0(ptr nonnull %4) #9
  call void @llvm.lifetime.start.p0(ptr nonnull %5) #9
  call fastcc void @build_reverse(ptr noundef nonnull @std_alpha, ptr noundef %4) #11
  call fastcc void @build_reverse(ptr noundef nonnull @url_alpha, ptr noundef %5) #11
  br label %32

21:                                               ; preds = %19
  %22 = shl i32 %.0, 13
  %23 = xor i32 %22, %.0
  %24 = lshr i32 %23, 17
  %25 = xor i32 %24, %23
  %26 = shl i32 %25, 5
  %27 = xor i32 %26, %25
  %28 = lshr i32 %27, 11
  %29 = trunc i32 %28 to i8
  %30 = getelementptr inbounds nuw i8, ptr @data, i64 %.053
  store i8 %29, ptr %30, align 1, !tbaa !12
  %31 = add nuw nsw i64 %.053, 1
  br label %19, !llvm.loop !13

32:                                               ; preds = %51, %20
  %.056 = phi i64 [ 0, %20 ], [ %55, %51 ]
  %.055 = phi i32 [ 0, %20 ], [ %54, %51 ]
  %.054 = phi i32 [ 1, %20 ], [ %.1, %51 ]
  %33 = icmp samesign ult i64 %.056, 65
  %34 = icmp samesign ule i64 %.056, %16
  %35 = select i1 %33, i1 %34, i1 false
  br i1 %35, label %39, label %36

36:                                               ; preds = %32
  %37 = tail call fastcc i64 @b64_encode(ptr noundef nonnull @data, i64 noundef %16, ptr noundef nonnull @std_alpha, i32 noundef 1) #11
  %38 = call fastcc i64 @b64_decode(ptr noundef nonnull @text, i64 noundef %37, ptr noundef %4) #11
  %.not = icmp eq i64 %38, %16
  br i1 %.not, label %56, label %57

39:                                               ; preds = %32
  %40 = getelementptr inbounds nuw i8, ptr @data, i64 %.056
  %41 = and i64 %.056, 1
  %.not66 = icmp eq i64 %41, 0
  %42 = select i1 %.not66, ptr @std_alpha, ptr @url_alpha
  %.lhs.trunc = trunc nuw nsw i64 %.056 to i8
  %43 = urem i8 %.lhs.trunc, 3
  %44 = icmp ne i8 %43, 1
  %45 = zext i1 %44 to i32
  %46 = tail call fastcc i64 @b64_encode(ptr noundef nonnull %40, i64 noundef %.056, ptr noundef nonnull %42, i32 noundef %45) #11
  %47 = select i1 %.not66, ptr %4, ptr %5
  %48 = call fastcc i64 @b64_decode(ptr noundef nonnull @text, i64 noundef %46, ptr noundef %47) #11
  %.not67 = icmp eq i64 %48, %.056
  br i1 %.not67, label %49, label %50

49:                                               ; preds = %39
  %bcmp68 = tail call i32 @bcmp(ptr nonnull @back, ptr nonnull %40, i64 %.056)
  %.not69 = icmp eq i32 %bcmp68, 0
  br i1 %.not69, label %51, label %50

50:                                               ; preds = %49, %39
  br label %51

51:                                               ; preds = %50, %49
  %.1 = phi i32 [ 0, %50 ], [ %.054, %49 ]
  %52 = mul i32 %.055, 31
  %53 = tail call fastcc i32 @fnv(i64 noundef %46) #11
  %54 = add i32 %53, %52
  %55 = add nuw nsw i64 %.056, 1
  br label %32, !llvm.loop !15

56:                                               ; preds = %36
  %bcmp = tail call i32 @bcmp(ptr noundef nonnull dereferenceable(1) @back, ptr noundef nonnull dereferenceable(1) @data, i64 %16)
  %.not59 = icmp eq i32 %bcmp, 0
  br i1 %.not59, label %58, label %57

57:                                               ; preds = %56, %36
  br label %58

58:                                               ; preds = %57, %56
  %.2 = phi i32 [ 0, %57 ], [ %.054, %56 ]
  %59 = tail call fastcc i32 @fnv(i64 noundef %37) #11
  %60 = lshr i64 %16, 1
  br label %61

61:                                               ; preds = %62, %58
  %.0.i = phi i64 [ 0, %58 ], [ %76, %62 ]
  %exitcond.not.i = icmp eq i64 %.0.i, %60
  br i1 %exitcond.not.i, label %hex_encode.exit, label %62

62:                                               ; preds = %61
  %63 = getelementptr inbounds nuw i8, ptr @data, i64 %.0.i
  %64 = load i8, ptr %63, align 1, !tbaa !12
  %65 = lshr i8 %64, 4
  %66 = zext nneg i8 %65 to i64
  %67 = getelementptr inbounds nuw i8, ptr @hex_encode.digits, i64 %66
  %68 = load i8, ptr %67, align 1, !tbaa !12
  %69 = shl nuw nsw i64 %.0.i, 1
  %70 = getelementptr inbounds nuw i8, ptr @text, i64 %69
  store i8 %68, ptr %70, align 2, !tbaa !12
  %71 = and i8 %64, 15
  %72 = zext nneg i8 %71 to i64
  %73 = getelementptr inbounds nuw i8, ptr @hex_encode.digits, i64 %72
  %74 = load i8, ptr %73, align 1, !tbaa !12
  %75 = getelementptr inbounds nuw i8, ptr %70, i64 1
  store i8 %74, ptr %75, align 1, !tbaa !12
  %76 = add nuw nsw i64 %.0.i, 1
  br label %61, !llvm.loop !16

hex_encode.exit:                                  ; preds = %61
  %77 = and i64 %16, 524286
  %78 = getelementptr inbounds nuw i8, ptr @text, i64 %77
  store i8 0, ptr %78, align 2, !tbaa !12
  %79 = tail call fastcc i64 @hex_decode(ptr noundef nonnull @text, i64 noundef %77) #11
  %.not60 = icmp eq i64 %79, %60
  br i1 %.not60, label %80, label %81

80:                                               ; preds = %hex_encode.exit
  %bcmp61 = tail call i32 @bcmp(ptr nonnull @back, ptr nonnull @data, i64 %60)
  %.not62 = icmp eq i32 %bcmp61, 0
  br i1 %.not62, label %82, label %81

81:                                               ; preds = %80, %hex_encode.exit
  br label %82

82:                                               ; preds = %81, %80
  %.3 = phi i32 [ 0, %81 ], [ %.2, %80 ]
  %83 = tail call fastcc i32 @fnv(i64 noundef %77) #11
  %84 = call fastcc i64 @b64_decode(ptr noundef nonnull @.str, i64 noundef 8, ptr noundef %4) #11
  %.lobit = lshr i64 %84, 63
  %85 = trunc nuw nsw i64 %.lobit to i32
  %86 = call fastcc i64 @b64_decode(ptr noundef nonnull @.str.1, i64 noundef 7, ptr noundef %4) #11
  %87 = icmp sgt i64 %86, -1
  %88 = zext i1 %87 to i32
  %89 = call fastcc i64 @b64_decode(ptr noundef nonnull @.str.2, i64 noundef 7, ptr noundef %4) #11
  %.lobit63 = lshr i64 %89, 63
  %90 = trunc nuw nsw i64 %.lobit63 to i32
  %91 = tail call fastcc i64 @hex_decode(ptr noundef nonnull @.str.4, i64 noundef 2) #11
  %.lobit65 = lshr i64 %91, 63
  %92 = trunc nuw nsw i64 %.lobit65 to i32
  %93 = add nuw nsw i32 %85, 1
  %94 = add nuw nsw i32 %93, %88
  %95 = add nuw nsw i32 %94, %90
  %96 = add nuw nsw i32 %95, %92
  %97 = tail call fastcc i64 @b64_encode(ptr noundef nonnull @.str.5, i64 noundef 6, ptr noundef nonnull @std_alpha, i32 noundef 1) #11
  %98 = tail call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.6, ptr noundef nonnull @text) #11
  %99 = tail call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.7, i64 noundef %37, i64 noundef %77, i32 noundef %.3, i32 noundef %96) #11
  %100 = mul i32 %83, 3
  %101 = xor i32 %59, %100
  %102 = xor i32 %101, %.055
  %103 = tail call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.8, i32 noundef %102) #11
  call void @llvm.lifetime.end.p0(ptr nonnull %5) #9
  call void @llvm.lifetime.end.p0(ptr nonnull %4) #9
  ret i32 0
}

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.start.p0(ptr captures(none)) #1

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.end.p0(ptr captures(none)) #1

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(argmem: readwrite) uwtable
define internal fastcc void @build_reverse(ptr noundef readonly captures(none) %0, ptr noundef nonnull writeonly captures(none) %1) unnamed_addr #2 {
  br label %3

3:                                                ; preds = %4, %2
  %indvars.iv = phi i64 [ %indvars.iv.next, %4 ], [ 0, %2 ]
  %exitcond.not = icmp eq i64 %indvars.iv, 256
  br i1 %exitcond.not, label %.preheader, label %4

4:                                                ; preds = %3
  %5 = getelementptr inbounds nuw i8, ptr %1, i64 %indvars.iv
  store i8 -1, ptr %5, align 1, !tbaa !12
  %indvars.iv.next = add nuw nsw i64 %indvars.iv, 1
  br label %3, !llvm.loop !17

.preheader:                                       ; preds = %3, %7
  %indvars.iv11 = phi i64 [ %indvars.iv.next12, %7 ], [ 0, %3 ]
  %exitcond14.not = icmp eq i64 %indvars.iv11, 64
  br i1 %exitcond14.not, label %6, label %7

6:                                                ; preds = %.preheader
  ret void

7:                                                ; preds = %.preheader
  %8 = trunc i64 %indvars.iv11 to i8
  %9 = getelementptr inbounds nuw i8, ptr %0, i64 %indvars.iv11
  %10 = load i8, ptr %9, align 1, !tbaa !12
  %11 = zext i8 %10 to i64
  %12 = getelementptr inbounds nuw i8, ptr %1, i64 %11
  store i8 %8, ptr %12, align 1, !tbaa !12
  %indvars.iv.next12 = add nuw nsw i64 %indvars.iv11, 1
  br label %.preheader, !llvm.loop !18
}

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(write, argmem: read, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable
define internal fastcc i64 @b64_encode(ptr noundef readonly captures(none) %0, i64 noundef range(i64 0, 300001) %1, ptr noundef readonly captures(none) %2, i32 noundef range(i32 0, 2) %3) unnamed_addr #3 {
  br label %5

5:                                                ; preds = %8, %4
  %.056 = phi i64 [ 0, %4 ], [ %45, %8 ]
  %.055 = phi i64 [ 0, %4 ], [ %43, %8 ]
  %6 = add nuw nsw i64 %.056, 2
  %7 = icmp samesign ult i64 %6, %1
  br i1 %7, label %8, label %46

8:                                                ; preds = %5
  %9 = getelementptr inbounds nuw i8, ptr %0, i64 %.056
  %10 = load i8, ptr %9, align 1, !tbaa !12
  %11 = zext i8 %10 to i32
  %12 = shl nuw nsw i32 %11, 16
  %13 = getelementptr i8, ptr %9, i64 1
  %14 = load i8, ptr %13, align 1, !tbaa !12
  %15 = zext i8 %14 to i32
  %16 = shl nuw nsw i32 %15, 8
  %17 = getelementptr inbounds nuw i8, ptr %0, i64 %6
  %18 = load i8, ptr %17, align 1, !tbaa !12
  %19 = zext i8 %18 to i32
  %20 = or disjoint i32 %16, %19
  %21 = or disjoint i32 %16, %12
  %22 = lshr i32 %11, 2
  %23 = zext nneg i32 %22 to i64
  %24 = getelementptr inbounds nuw i8, ptr %2, i64 %23
  %25 = load i8, ptr %24, align 1, !tbaa !12
  %26 = getelementptr inbounds nuw i8, ptr @text, i64 %.055
  store i8 %25, ptr %26, align 4, !tbaa !12
  %27 = lshr i32 %21, 12
  %28 = and i32 %27, 63
  %29 = zext nneg i32 %28 to i64
  %30 = getelementptr inbounds nuw i8, ptr %2, i64 %29
  %31 = load i8, ptr %30, align 1, !tbaa !12
  %32 = getelementptr i8, ptr %26, i64 1
  store i8 %31, ptr %32, align 1, !tbaa !12
  %33 = lshr i32 %20, 6
  %34 = and i32 %33, 63
  %35 = zext nneg i32 %34 to i64
  %36 = getelementptr inbounds nuw i8, ptr %2, i64 %35
  %37 = load i8, ptr %36, align 1, !tbaa !12
  %38 = getelementptr i8, ptr %26, i64 2
  store i8 %37, ptr %38, align 2, !tbaa !12
  %39 = and i32 %19, 63
  %40 = zext nneg i32 %39 to i64
  %41 = getelementptr inbounds nuw i8, ptr %2, i64 %40
  %42 = load i8, ptr %41, align 1, !tbaa !12
  %43 = add nuw nsw i64 %.055, 4
  %44 = getelementptr inbounds nuw i8, ptr %26, i64 3
  store i8 %42, ptr %44, align 1, !tbaa !12
  %45 = add nuw nsw i64 %.056, 3
  br label %5, !llvm.loop !19

46:                                               ; preds = %5
  %.not = icmp eq i64 %1, %.056
  br i1 %.not, label %.thread, label %47

47:                                               ; preds = %46
  %48 = sub nsw i64 %1, %.056
  %49 = getelementptr inbounds nuw i8, ptr %0, i64 %.056
  %50 = load i8, ptr %49, align 1, !tbaa !12
  %51 = zext i8 %50 to i32
  %52 = shl nuw nsw i32 %51, 16
  %53 = icmp eq i64 %48, 2
  br i1 %53, label %54, label %60

54:                                               ; preds = %47
  %55 = getelementptr i8, ptr %49, i64 1
  %56 = load i8, ptr %55, align 1, !tbaa !12
  %57 = zext i8 %56 to i32
  %58 = shl nuw nsw i32 %57, 8
  %59 = or disjoint i32 %58, %52
  br label %60

60:                                               ; preds = %54, %47
  %.0 = phi i32 [ %59, %54 ], [ %52, %47 ]
  %61 = lshr i32 %.0, 18
  %62 = zext nneg i32 %61 to i64
  %63 = getelementptr inbounds nuw i8, ptr %2, i64 %62
  %64 = load i8, ptr %63, align 1, !tbaa !12
  %65 = getelementptr inbounds nuw i8, ptr @text, i64 %.055
  store i8 %64, ptr %65, align 4, !tbaa !12
  %66 = lshr i32 %.0, 12
  %67 = and i32 %66, 63
  %68 = zext nneg i32 %67 to i64
  %69 = getelementptr inbounds nuw i8, ptr %2, i64 %68
  %70 = load i8, ptr %69, align 1, !tbaa !12
  %71 = or disjoint i64 %.055, 2
  %72 = getelementptr i8, ptr %65, i64 1
  store i8 %70, ptr %72, align 1, !tbaa !12
  br i1 %53, label %76, label %73

73:                                               ; preds = %60
  %.not60 = icmp eq i32 %3, 0
  br i1 %.not60, label %.thread, label %.thread64

.thread64:                                        ; preds = %73
  %74 = or disjoint i64 %.055, 3
  %75 = getelementptr inbounds nuw i8, ptr @text, i64 %71
  store i8 61, ptr %75, align 2, !tbaa !12
  br label %84

76:                                               ; preds = %60
  %77 = lshr i32 %.0, 6
  %78 = and i32 %77, 63
  %79 = zext nneg i32 %78 to i64
  %80 = getelementptr inbounds nuw i8, ptr %2, i64 %79
  %81 = load i8, ptr %80, align 1, !tbaa !12
  %82 = or disjoint i64 %.055, 3
  %83 = getelementptr inbounds nuw i8, ptr @text, i64 %71
  store i8 %81, ptr %83, align 2, !tbaa !12
  %.not61 = icmp eq i32 %3, 0
  br i1 %.not61, label %.thread, label %84

84:                                               ; preds = %.thread64, %76
  %.267 = phi i64 [ %74, %.thread64 ], [ %82, %76 ]
  %85 = add i64 %.267, 1
  %86 = getelementptr inbounds nuw i8, ptr @text, i64 %.267
  store i8 61, ptr %86, align 1, !tbaa !12
  br label %.thread

.thread:                                          ; preds = %73, %76, %84, %46
  %.1 = phi i64 [ %.055, %46 ], [ %85, %84 ], [ %82, %76 ], [ %71, %73 ]
  %87 = getelementptr inbounds nuw i8, ptr @text, i64 %.1
  store i8 0, ptr %87, align 1, !tbaa !12
  ret i64 %.1
}

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(write, argmem: read, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable
define internal fastcc i64 @b64_decode(ptr noundef readonly captures(none) %0, i64 noundef %1, ptr noundef nonnull readonly captures(none) %2) unnamed_addr #3 {
  br label %4

4:                                                ; preds = %10, %3
  %.042 = phi i64 [ %1, %3 ], [ %11, %10 ]
  %.not = icmp eq i64 %.042, 0
  br i1 %.not, label %.preheader.preheader, label %5

5:                                                ; preds = %4
  %6 = getelementptr i8, ptr %0, i64 %.042
  %7 = getelementptr i8, ptr %6, i64 -1
  %8 = load i8, ptr %7, align 1, !tbaa !12
  %9 = icmp eq i8 %8, 61
  br i1 %9, label %10, label %.critedge

10:                                               ; preds = %5
  %11 = add i64 %.042, -1
  br label %4, !llvm.loop !20

.critedge:                                        ; preds = %5
  %12 = and i64 %.042, 3
  %13 = icmp eq i64 %12, 1
  br i1 %13, label %.thread54, label %.preheader.preheader

.preheader.preheader:                             ; preds = %4, %.critedge
  %.042.lcssa6467 = phi i64 [ %.042, %.critedge ], [ 0, %4 ]
  br label %.preheader

.preheader:                                       ; preds = %.preheader.preheader, %33
  %.038 = phi i64 [ %.240.ph, %33 ], [ 0, %.preheader.preheader ]
  %.035 = phi i32 [ %24, %33 ], [ 0, %.preheader.preheader ]
  %.031 = phi i32 [ %.233.ph, %33 ], [ 0, %.preheader.preheader ]
  %.030 = phi i64 [ %34, %33 ], [ 0, %.preheader.preheader ]
  %exitcond.not = icmp eq i64 %.030, %.042.lcssa6467
  br i1 %exitcond.not, label %35, label %14

14:                                               ; preds = %.preheader
  %15 = getelementptr inbounds nuw i8, ptr %0, i64 %.030
  %16 = load i8, ptr %15, align 1, !tbaa !12
  %17 = zext i8 %16 to i64
  %18 = getelementptr inbounds nuw i8, ptr %2, i64 %17
  %19 = load i8, ptr %18, align 1, !tbaa !12
  %20 = icmp sgt i8 %19, -1
  br i1 %20, label %21, label %.thread54

21:                                               ; preds = %14
  %22 = zext nneg i8 %19 to i32
  %23 = shl i32 %.035, 6
  %24 = or i32 %23, %22
  %25 = add nuw nsw i32 %.031, 6
  %26 = icmp sgt i32 %.031, 1
  br i1 %26, label %27, label %33

27:                                               ; preds = %21
  %28 = add nsw i32 %.031, -2
  %29 = lshr i32 %24, %28
  %30 = trunc i32 %29 to i8
  %31 = add i64 %.038, 1
  %32 = getelementptr inbounds nuw i8, ptr @back, i64 %.038
  store i8 %30, ptr %32, align 1, !tbaa !12
  br label %33

33:                                               ; preds = %21, %27
  %.240.ph = phi i64 [ %.038, %21 ], [ %31, %27 ]
  %.233.ph = phi i32 [ %25, %21 ], [ %28, %27 ]
  %34 = add i64 %.030, 1
  br label %.preheader, !llvm.loop !21

35:                                               ; preds = %.preheader
  %36 = icmp sgt i32 %.031, 0
  br i1 %36, label %37, label %40

37:                                               ; preds = %35
  %notmask = shl nsw i32 -1, %.031
  %38 = xor i32 %notmask, -1
  %39 = and i32 %.035, %38
  %.not47 = icmp eq i32 %39, 0
  br i1 %.not47, label %40, label %.thread54

40:                                               ; preds = %37, %35
  br label %.thread54

.thread54:                                        ; preds = %14, %40, %37, %.critedge
  %.0 = phi i64 [ -1, %.critedge ], [ -1, %37 ], [ %.038, %40 ], [ -1, %14 ]
  ret i64 %.0
}

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(read, argmem: none, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable
define internal fastcc i32 @fnv(i64 noundef %0) unnamed_addr #4 {
  br label %2

2:                                                ; preds = %4, %1
  %.07 = phi i32 [ -2128831035, %1 ], [ %9, %4 ]
  %.0 = phi i64 [ 0, %1 ], [ %10, %4 ]
  %exitcond.not = icmp eq i64 %.0, %0
  br i1 %exitcond.not, label %3, label %4

3:                                                ; preds = %2
  ret i32 %.07

4:                                                ; preds = %2
  %5 = getelementptr inbounds nuw i8, ptr @text, i64 %.0
  %6 = load i8, ptr %5, align 1, !tbaa !12
  %7 = zext i8 %6 to i32
  %8 = xor i32 %.07, %7
  %9 = mul i32 %8, 16777619
  %10 = add i64 %.0, 1
  br label %2, !llvm.loop !22
}

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(write, argmem: read, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable
define internal fastcc range(i64 -1, 150001) i64 @hex_decode(ptr noundef readonly captures(none) %0, i64 noundef range(i64 0, 300001) %1) unnamed_addr #3 {
  %3 = and i64 %1, 1
  %.not = icmp eq i64 %3, 0
  br i1 %.not, label %.preheader, label %.critedge.thread

.preheader:                                       ; preds = %2, %20
  %.018 = phi i64 [ %28, %20 ], [ 0, %2 ]
  %4 = icmp samesign ult i64 %.018, %1
  br i1 %4, label %5, label %29

5:                                                ; preds = %.preheader
  %6 = getelementptr inbounds nuw i8, ptr %0, i64 %.018
  %7 = load i8, ptr %6, align 1, !tbaa !12
  %8 = sext i8 %7 to i32
  switch i8 %7, label %hex_value.exit [
    i8 48, label %9
    i8 49, label %9
    i8 50, label %9
    i8 51, label %9
    i8 52, label %9
    i8 53, label %9
    i8 54, label %9
    i8 55, label %9
    i8 56, label %9
    i8 57, label %9
    i8 97, label %11
    i8 98, label %11
    i8 99, label %11
    i8 100, label %11
    i8 101, label %11
    i8 102, label %11
    i8 65, label %13
    i8 66, label %13
    i8 67, label %13
    i8 68, label %13
    i8 69, label %13
    i8 70, label %13
  ]

9:                                                ; preds = %5, %5, %5, %5, %5, %5, %5, %5, %5, %5
  %10 = add nsw i32 %8, -48
  br label %hex_value.exit

11:                                               ; preds = %5, %5, %5, %5, %5, %5
  %12 = add nsw i32 %8, -87
  br label %hex_value.exit

13:                                               ; preds = %5, %5, %5, %5, %5, %5
  %14 = add nsw i32 %8, -55
  br label %hex_value.exit

hex_value.exit:                                   ; preds = %5, %9, %11, %13
  %.0.i = phi i32 [ %14, %13 ], [ %10, %9 ], [ %12, %11 ], [ -1, %5 ]
  %15 = getelementptr inbounds nuw i8, ptr %6, i64 1
  %16 = load i8, ptr %15, align 1, !tbaa !12
  %17 = zext i8 %16 to i32
  %switch.tableidx = add i8 %16, -48
  %18 = icmp ult i8 %switch.tableidx, 55
  br i1 %18, label %switch.hole_check, label %.critedge.thread

switch.hole_check:                                ; preds = %hex_value.exit
  %switch.maskindex = zext nneg i8 %switch.tableidx to i64
  %switch.shifted = lshr i64 35465847073801215, %switch.maskindex
  %switch.lobit = trunc i64 %switch.shifted to i1
  %19 = icmp sgt i32 %.0.i, -1
  %or.cond = select i1 %switch.lobit, i1 %19, i1 false
  br i1 %or.cond, label %20, label %.critedge.thread

20:                                               ; preds = %switch.hole_check
  %21 = zext nneg i8 %switch.tableidx to i64
  %switch.gep = getelementptr inbounds nuw i32, ptr @switch.table.hex_decode, i64 %21
  %switch.load = load i32, ptr %switch.gep, align 4
  %22 = add nsw i32 %switch.load, %17
  %23 = shl nuw nsw i32 %.0.i, 4
  %24 = add nuw nsw i32 %22, %23
  %25 = trunc nuw i32 %24 to i8
  %26 = lshr exact i64 %.018, 1
  %27 = getelementptr inbounds nuw i8, ptr @back, i64 %26
  store i8 %25, ptr %27, align 1, !tbaa !12
  %28 = add nuw nsw i64 %.018, 2
  br label %.preheader, !llvm.loop !23

29:                                               ; preds = %.preheader
  %30 = lshr exact i64 %1, 1
  br label %.critedge.thread

.critedge.thread:                                 ; preds = %hex_value.exit, %switch.hole_check, %29, %2
  %.0 = phi i64 [ -1, %2 ], [ %30, %29 ], [ -1, %switch.hole_check ], [ -1, %hex_value.exit ]
  ret i64 %.0
}

; Function Attrs: minsize nofree nounwind optsize
declare noundef i32 @printf(ptr noundef readonly captures(none), ...) local_unnamed_addr #5

; Function Attrs: minsize mustprogress nocallback nofree nounwind optsize willreturn
declare i64 @strtol(ptr noundef readonly, ptr noundef captures(none), i32 noundef) local_unnamed_addr #6

; Function Attrs: nocallback nofree nounwind willreturn memory(argmem: read)
declare i32 @bcmp(ptr captures(none), ptr captures(none), i64) local_unnamed_addr #7

; Function Attrs: nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none)
declare i64 @llvm.umin.i64(i64, i64) #8

attributes #0 = { minsize nofree nounwind optsize uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite) }
attributes #2 = { minsize nofree norecurse nosync nounwind optsize memory(argmem: readwrite) uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { minsize nofree norecurse nosync nounwind optsize memory(write, argmem: read, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #4 = { minsize nofree norecurse nosync nounwind optsize memory(read, argmem: none, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #5 = { minsize nofree nounwind optsize "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #6 = { minsize mustprogress nocallback nofree nounwind optsize willreturn "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #7 = { nocallback nofree nounwind willreturn memory(argmem: read) }
attributes #8 = { nocallback nocreateundeforpoison nofree nosync nounwind speculatable willreturn memory(none) }
attributes #9 = { nounwind }
attributes #10 = { minsize nounwind optsize }
attributes #11 = { minsize optsize }

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
!12 = !{!7, !7, i64 0}
!13 = distinct !{!13, !14}
!14 = !{!"llvm.loop.mustprogress"}
!15 = distinct !{!15, !14}
!16 = distinct !{!16, !14}
!17 = distinct !{!17, !14}
!18 = distinct !{!18, !14}
!19 = distinct !{!19, !14}
!20 = distinct !{!20, !14}
!21 = distinct !{!21, !14}
!22 = distinct !{!22, !14}
!23 = distinct !{!23, !14}
