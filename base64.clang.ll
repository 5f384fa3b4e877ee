; ModuleID = 'base64.c'
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
  br i1 %6, label %7, label %19

7:                                                ; preds = %2
  call void @llvm.lifetime.start.p0(ptr nonnull %3) #9
  %8 = getelementptr inbounds nuw i8, ptr %1, i64 8
  %9 = load ptr, ptr %8, align 8, !tbaa !9
  %10 = call i64 @strtol(ptr noundef %9, ptr noundef nonnull %3, i32 noundef 10) #10
  %11 = freeze i64 %10
  %12 = load ptr, ptr %3, align 8, !tbaa !9
  %13 = load ptr, ptr %8, align 8, !tbaa !9
  %14 = icmp eq ptr %12, %13
  call void @llvm.lifetime.end.p0(ptr nonnull %3) #9
  br i1 %14, label %19, label %15

15:                                               ; preds = %7
  %16 = icmp slt i64 %11, 1
  br i1 %16, label %19, label %17

17:                                               ; preds = %15
  %18 = tail call i64 @llvm.umin.i64(i64 %11, i64 300000)
  br label %19

19:                                               ; preds = %2, %7, %15, %17
  %20 = phi i64 [ 1, %15 ], [ %18, %17 ], [ 30000, %7 ], [ 30000, %2 ]
  %21 = trunc nuw nsw i64 %20 to i32
  %22 = add nuw nsw i32 %21, 2916
  br label %23

23:                                               ; preds = %28, %19
  %24 = phi i64 [ 0, %19 ], [ %38, %28 ]
  %25 = phi i32 [ %22, %19 ], [ %34, %28 ]
  %26 = icmp eq i64 %24, %20
  br i1 %26, label %27, label %28

27:                                               ; preds = %23
  call void @llvm.lifetime.start.p0(ptr nonnull %4) #9
  call void @llvm.lifetime.start.p0(ptr nonnull %5) #9
  call fastcc void @build_reverse(ptr noundef nonnull @std_alpha, ptr noundef %4) #11
  call fastcc void @build_reverse(ptr noundef nonnull @url_alpha, ptr noundef %5) #11
  br label %39

28:                                               ; preds = %23
  %29 = shl i32 %25, 13
  %30 = xor i32 %29, %25
  %31 = lshr i32 %30, 17
  %32 = xor i32 %31, %30
  %33 = shl i32 %32, 5
  %34 = xor i32 %33, %32
  %35 = lshr i32 %34, 11
  %36 = trunc i32 %35 to i8
  %37 = getelementptr inbounds nuw i8, ptr @data, i64 %24
  store i8 %36, ptr %37, align 1, !tbaa !12
  %38 = add nuw nsw i64 %24, 1
  br label %23, !llvm.loop !13

39:                                               ; preds = %67, %27
  %40 = phi i64 [ 0, %27 ], [ %72, %67 ]
  %41 = phi i32 [ 0, %27 ], [ %71, %67 ]
  %42 = phi i32 [ 1, %27 ], [ %68, %67 ]
  %43 = icmp samesign ult i64 %40, 65
  %44 = icmp samesign ule i64 %40, %20
  %45 = select i1 %43, i1 %44, i1 false
  br i1 %45, label %50, label %46

46:                                               ; preds = %39
  %47 = tail call fastcc i64 @b64_encode(ptr noundef nonnull @data, i64 noundef %20, ptr noundef nonnull @std_alpha, i32 noundef 1) #11
  %48 = call fastcc i64 @b64_decode(ptr noundef nonnull @text, i64 noundef %47, ptr noundef %4) #11
  %49 = icmp eq i64 %48, %20
  br i1 %49, label %73, label %76

50:                                               ; preds = %39
  %51 = getelementptr inbounds nuw i8, ptr @data, i64 %40
  %52 = and i64 %40, 1
  %53 = icmp eq i64 %52, 0
  %54 = select i1 %53, ptr @std_alpha, ptr @url_alpha
  %55 = trunc nuw nsw i64 %40 to i8
  %56 = urem i8 %55, 3
  %57 = icmp ne i8 %56, 1
  %58 = zext i1 %57 to i32
  %59 = tail call fastcc i64 @b64_encode(ptr noundef nonnull %51, i64 noundef %40, ptr noundef nonnull %54, i32 noundef %58) #11
  %60 = select i1 %53, ptr %4, ptr %5
  %61 = call fastcc i64 @b64_decode(ptr noundef nonnull @text, i64 noundef %59, ptr noundef %60) #11
  %62 = icmp eq i64 %61, %40
  br i1 %62, label %63, label %66

63:                                               ; preds = %50
  %64 = tail call i32 @bcmp(ptr nonnull @back, ptr nonnull %51, i64 %40)
  %65 = icmp eq i32 %64, 0
  br i1 %65, label %67, label %66

66:                                               ; preds = %63, %50
  br label %67

67:                                               ; preds = %66, %63
  %68 = phi i32 [ 0, %66 ], [ %42, %63 ]
  %69 = mul i32 %41, 31
  %70 = tail call fastcc i32 @fnv(i64 noundef %59) #11
  %71 = add i32 %70, %69
  %72 = add nuw nsw i64 %40, 1
  br label %39, !llvm.loop !15

73:                                               ; preds = %46
  %74 = tail call i32 @bcmp(ptr noundef nonnull dereferenceable(1) @back, ptr noundef nonnull dereferenceable(1) @data, i64 %20)
  %75 = icmp eq i32 %74, 0
  br i1 %75, label %77, label %76

76:                                               ; preds = %73, %46
  br label %77

77:                                               ; preds = %76, %73
  %78 = phi i32 [ 0, %76 ], [ %42, %73 ]
  %79 = tail call fastcc i32 @fnv(i64 noundef %47) #11
  %80 = lshr i64 %20, 1
  br label %81

81:                                               ; preds = %84, %77
  %82 = phi i64 [ 0, %77 ], [ %98, %84 ]
  %83 = icmp eq i64 %82, %80
  br i1 %83, label %99, label %84

84:                                               ; preds = %81
  %85 = getelementptr inbounds nuw i8, ptr @data, i64 %82
  %86 = load i8, ptr %85, align 1, !tbaa !12
  %87 = lshr i8 %86, 4
  %88 = zext nneg i8 %87 to i64
  %89 = getelementptr inbounds nuw i8, ptr @hex_encode.digits, i64 %88
  %90 = load i8, ptr %89, align 1, !tbaa !12
  %91 = shl nuw nsw i64 %82, 1
  %92 = getelementptr inbounds nuw i8, ptr @text, i64 %91
  store i8 %90, ptr %92, align 2, !tbaa !12
  %93 = and i8 %86, 15
  %94 = zext nneg i8 %93 to i64
  %95 = getelementptr inbounds nuw i8, ptr @hex_encode.digits, i64 %94
  %96 = load i8, ptr %95, align 1, !tbaa !12
  %97 = getelementptr inbounds nuw i8, ptr %92, i64 1
  store i8 %96, ptr %97, align 1, !tbaa !12
  %98 = add nuw nsw i64 %82, 1
  br label %81, !llvm.loop !16

99:                                               ; preds = %81
  %100 = and i64 %20, 524286
  %101 = getelementptr inbounds nuw i8, ptr @text, i64 %100
  store i8 0, ptr %101, align 2, !tbaa !12
  %102 = tail call fastcc i64 @hex_decode(ptr noundef nonnull @text, i64 noundef %100) #11
  %103 = icmp eq i64 %102, %80
  br i1 %103, label %104, label %107

104:                                              ; preds = %99
  %105 = tail call i32 @bcmp(ptr nonnull @back, ptr nonnull @data, i64 %80)
  %106 = icmp eq i32 %105, 0
  br i1 %106, label %108, label %107

107:                                              ; preds = %104, %99
  br label %108

108:                                              ; preds = %107, %104
  %109 = phi i32 [ 0, %107 ], [ %78, %104 ]
  %110 = tail call fastcc i32 @fnv(i64 noundef %100) #11
  %111 = call fastcc i64 @b64_decode(ptr noundef nonnull @.str, i64 noundef 8, ptr noundef %4) #11
  %112 = lshr i64 %111, 63
  %113 = trunc nuw nsw i64 %112 to i32
  %114 = call fastcc i64 @b64_decode(ptr noundef nonnull @.str.1, i64 noundef 7, ptr noundef %4) #11
  %115 = icmp sgt i64 %114, -1
  %116 = zext i1 %115 to i32
  %117 = call fastcc i64 @b64_decode(ptr noundef nonnull @.str.2, i64 noundef 7, ptr noundef %4) #11
  %118 = lshr i64 %117, 63
  %119 = trunc nuw nsw i64 %118 to i32
  %120 = tail call fastcc i64 @hex_decode(ptr noundef nonnull @.str.4, i64 noundef 2) #11
  %121 = lshr i64 %120, 63
  %122 = trunc nuw nsw i64 %121 to i32
  %123 = add nuw nsw i32 %113, 1
  %124 = add nuw nsw i32 %123, %116
  %125 = add nuw nsw i32 %124, %119
  %126 = add nuw nsw i32 %125, %122
  %127 = tail call fastcc i64 @b64_encode(ptr noundef nonnull @.str.5, i64 noundef 6, ptr noundef nonnull @std_alpha, i32 noundef 1) #11
  %128 = tail call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.6, ptr noundef nonnull @text) #11
  %129 = tail call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.7, i64 noundef %47, i64 noundef %100, i32 noundef %109, i32 noundef %126) #11
  %130 = mul i32 %110, 3
  %131 = xor i32 %79, %130
  %132 = xor i32 %131, %41
  %133 = tail call i32 (ptr, ...) @printf(ptr noundef nonnull dereferenceable(1) @.str.8, i32 noundef %132) #11
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

3:                                                ; preds = %6, %2
  %4 = phi i64 [ %8, %6 ], [ 0, %2 ]
  %5 = icmp eq i64 %4, 256
  br i1 %5, label %9, label %6

6:                                                ; preds = %3
  %7 = getelementptr inbounds nuw i8, ptr %1, i64 %4
  store i8 -1, ptr %7, align 1, !tbaa !12
  %8 = add nuw nsw i64 %4, 1
  br label %3, !llvm.loop !17

9:                                                ; preds = %3, %13
  %10 = phi i64 [ %19, %13 ], [ 0, %3 ]
  %11 = icmp eq i64 %10, 64
  br i1 %11, label %12, label %13

12:                                               ; preds = %9
  ret void

13:                                               ; preds = %9
  %14 = trunc i64 %10 to i8
  %15 = getelementptr inbounds nuw i8, ptr %0, i64 %10
  %16 = load i8, ptr %15, align 1, !tbaa !12
  %17 = zext i8 %16 to i64
  %18 = getelementptr inbounds nuw i8, ptr %1, i64 %17
  store i8 %14, ptr %18, align 1, !tbaa !12
  %19 = add nuw nsw i64 %10, 1
  br label %9, !llvm.loop !18
}

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(write, argmem: read, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable
define internal fastcc i64 @b64_encode(ptr noundef readonly captures(none) %0, i64 noundef range(i64 0, 300001) %1, ptr noundef readonly captures(none) %2, i32 noundef range(i32 0, 2) %3) unnamed_addr #3 {
  br label %5

5:                                                ; preds = %10, %4
  %6 = phi i64 [ 0, %4 ], [ %47, %10 ]
  %7 = phi i64 [ 0, %4 ], [ %45, %10 ]
  %8 = add nuw nsw i64 %6, 2
  %9 = icmp samesign ult i64 %8, %1
  br i1 %9, label %10, label %48

10:                                               ; preds = %5
  %11 = getelementptr inbounds nuw i8, ptr %0, i64 %6
  %12 = load i8, ptr %11, align 1, !tbaa !12
  %13 = zext i8 %12 to i32
  %14 = shl nuw nsw i32 %13, 16
  %15 = getelementptr i8, ptr %11, i64 1
  %16 = load i8, ptr %15, align 1, !tbaa !12
  %17 = zext i8 %16 to i32
  %18 = shl nuw nsw i32 %17, 8
  %19 = getelementptr inbounds nuw i8, ptr %0, i64 %8
  %20 = load i8, ptr %19, align 1, !tbaa !12
  %21 = zext i8 %20 to i32
  %22 = or disjoint i32 %18, %21
  %23 = or disjoint i32 %18, %14
  %24 = lshr i32 %13, 2
  %25 = zext nneg i32 %24 to i64
  %26 = getelementptr inbounds nuw i8, ptr %2, i64 %25
  %27 = load i8, ptr %26, align 1, !tbaa !12
  %28 = getelementptr inbounds nuw i8, ptr @text, i64 %7
  store i8 %27, ptr %28, align 4, !tbaa !12
  %29 = lshr i32 %23, 12
  %30 = and i32 %29, 63
  %31 = zext nneg i32 %30 to i64
  %32 = getelementptr inbounds nuw i8, ptr %2, i64 %31
  %33 = load i8, ptr %32, align 1, !tbaa !12
  %34 = getelementptr i8, ptr %28, i64 1
  store i8 %33, ptr %34, align 1, !tbaa !12
  %35 = lshr i32 %22, 6
  %36 = and i32 %35, 63
  %37 = zext nneg i32 %36 to i64
  %38 = getelementptr inbounds nuw i8, ptr %2, i64 %37
  %39 = load i8, ptr %38, align 1, !tbaa !12
  %40 = getelementptr i8, ptr %28, i64 2
  store i8 %39, ptr %40, align 2, !tbaa !12
  %41 = and i32 %21, 63
  %42 = zext nneg i32 %41 to i64
  %43 = getelementptr inbounds nuw i8, ptr %2, i64 %42
  %44 = load i8, ptr %43, align 1, !tbaa !12
  %45 = add nuw nsw i64 %7, 4
  %46 = getelementptr inbounds nuw i8, ptr %28, i64 3
  store i8 %44, ptr %46, align 1, !tbaa !12
  %47 = add nuw nsw i64 %6, 3
  br label %5, !llvm.loop !19

48:                                               ; preds = %5
  %49 = icmp eq i64 %1, %6
  br i1 %49, label %95, label %50

50:                                               ; preds = %48
  %51 = sub nsw i64 %1, %6
  %52 = getelementptr inbounds nuw i8, ptr %0, i64 %6
  %53 = load i8, ptr %52, align 1, !tbaa !12
  %54 = zext i8 %53 to i32
  %55 = shl nuw nsw i32 %54, 16
  %56 = icmp eq i64 %51, 2
  br i1 %56, label %57, label %63

57:                                               ; preds = %50
  %58 = getelementptr i8, ptr %52, i64 1
  %59 = load i8, ptr %58, align 1, !tbaa !12
  %60 = zext i8 %59 to i32
  %61 = shl nuw nsw i32 %60, 8
  %62 = or disjoint i32 %61, %55
  br label %63

63:                                               ; preds = %57, %50
  %64 = phi i32 [ %62, %57 ], [ %55, %50 ]
  %65 = lshr i32 %64, 18
  %66 = zext nneg i32 %65 to i64
  %67 = getelementptr inbounds nuw i8, ptr %2, i64 %66
  %68 = load i8, ptr %67, align 1, !tbaa !12
  %69 = getelementptr inbounds nuw i8, ptr @text, i64 %7
  store i8 %68, ptr %69, align 4, !tbaa !12
  %70 = lshr i32 %64, 12
  %71 = and i32 %70, 63
  %72 = zext nneg i32 %71 to i64
  %73 = getelementptr inbounds nuw i8, ptr %2, i64 %72
  %74 = load i8, ptr %73, align 1, !tbaa !12
  %75 = or disjoint i64 %7, 2
  %76 = getelementptr i8, ptr %69, i64 1
  store i8 %74, ptr %76, align 1, !tbaa !12
  br i1 %56, label %82, label %77

77:                                               ; preds = %63
  %78 = icmp eq i32 %3, 0
  br i1 %78, label %95, label %79

79:                                               ; preds = %77
  %80 = or disjoint i64 %7, 3
  %81 = getelementptr inbounds nuw i8, ptr @text, i64 %75
  store i8 61, ptr %81, align 2, !tbaa !12
  br label %91

82:                                               ; preds = %63
  %83 = lshr i32 %64, 6
  %84 = and i32 %83, 63
  %85 = zext nneg i32 %84 to i64
  %86 = getelementptr inbounds nuw i8, ptr %2, i64 %85
  %87 = load i8, ptr %86, align 1, !tbaa !12
  %88 = or disjoint i64 %7, 3
  %89 = getelementptr inbounds nuw i8, ptr @text, i64 %75
  store i8 %87, ptr %89, align 2, !tbaa !12
  %90 = icmp eq i32 %3, 0
  br i1 %90, label %95, label %91

91:                                               ; preds = %79, %82
  %92 = phi i64 [ %80, %79 ], [ %88, %82 ]
  %93 = add i64 %92, 1
  %94 = getelementptr inbounds nuw i8, ptr @text, i64 %92
  store i8 61, ptr %94, align 1, !tbaa !12
  br label %95

95:                                               ; preds = %77, %82, %91, %48
  %96 = phi i64 [ %7, %48 ], [ %93, %91 ], [ %88, %82 ], [ %75, %77 ]
  %97 = getelementptr inbounds nuw i8, ptr @text, i64 %96
  store i8 0, ptr %97, align 1, !tbaa !12
  ret i64 %96
}

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(write, argmem: read, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable
define internal fastcc i64 @b64_decode(ptr noundef readonly captures(none) %0, i64 noundef %1, ptr noundef nonnull readonly captures(none) %2) unnamed_addr #3 {
  br label %4

4:                                                ; preds = %12, %3
  %5 = phi i64 [ %1, %3 ], [ %13, %12 ]
  %6 = icmp eq i64 %5, 0
  br i1 %6, label %17, label %7

7:                                                ; preds = %4
  %8 = getelementptr i8, ptr %0, i64 %5
  %9 = getelementptr i8, ptr %8, i64 -1
  %10 = load i8, ptr %9, align 1, !tbaa !12
  %11 = icmp eq i8 %10, 61
  br i1 %11, label %12, label %14

12:                                               ; preds = %7
  %13 = add i64 %5, -1
  br label %4, !llvm.loop !20

14:                                               ; preds = %7
  %15 = and i64 %5, 3
  %16 = icmp eq i64 %15, 1
  br i1 %16, label %56, label %17

17:                                               ; preds = %4, %14
  %18 = phi i64 [ %5, %14 ], [ 0, %4 ]
  br label %19

19:                                               ; preds = %17, %44
  %20 = phi i64 [ %45, %44 ], [ 0, %17 ]
  %21 = phi i32 [ %35, %44 ], [ 0, %17 ]
  %22 = phi i32 [ %46, %44 ], [ 0, %17 ]
  %23 = phi i64 [ %47, %44 ], [ 0, %17 ]
  %24 = icmp eq i64 %23, %18
  br i1 %24, label %48, label %25

25:                                               ; preds = %19
  %26 = getelementptr inbounds nuw i8, ptr %0, i64 %23
  %27 = load i8, ptr %26, align 1, !tbaa !12
  %28 = zext i8 %27 to i64
  %29 = getelementptr inbounds nuw i8, ptr %2, i64 %28
  %30 = load i8, ptr %29, align 1, !tbaa !12
  %31 = icmp sgt i8 %30, -1
  br i1 %31, label %32, label %56

32:                                               ; preds = %25
  %33 = zext nneg i8 %30 to i32
  %34 = shl i32 %21, 6
  %35 = or i32 %34, %33
  %36 = add nuw nsw i32 %22, 6
  %37 = icmp sgt i32 %22, 1
  br i1 %37, label %38, label %44

38:                                               ; preds = %32
  %39 = add nsw i32 %22, -2
  %40 = lshr i32 %35, %39
  %41 = trunc i32 %40 to i8
  %42 = add i64 %20, 1
  %43 = getelementptr inbounds nuw i8, ptr @back, i64 %20
  store i8 %41, ptr %43, align 1, !tbaa !12
  br label %44

44:                                               ; preds = %32, %38
  %45 = phi i64 [ %20, %32 ], [ %42, %38 ]
  %46 = phi i32 [ %36, %32 ], [ %39, %38 ]
  %47 = add i64 %23, 1
  br label %19, !llvm.loop !21

48:                                               ; preds = %19
  %49 = icmp sgt i32 %22, 0
  br i1 %49, label %50, label %55

50:                                               ; preds = %48
  %51 = shl nsw i32 -1, %22
  %52 = xor i32 %51, -1
  %53 = and i32 %21, %52
  %54 = icmp eq i32 %53, 0
  br i1 %54, label %55, label %56

55:                                               ; preds = %50, %48
  br label %56

56:                                               ; preds = %25, %55, %50, %14
  %57 = phi i64 [ -1, %14 ], [ -1, %50 ], [ %20, %55 ], [ -1, %25 ]
  ret i64 %57
}

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(read, argmem: none, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable
define internal fastcc i32 @fnv(i64 noundef %0) unnamed_addr #4 {
  br label %2

2:                                                ; preds = %7, %1
  %3 = phi i32 [ -2128831035, %1 ], [ %12, %7 ]
  %4 = phi i64 [ 0, %1 ], [ %13, %7 ]
  %5 = icmp eq i64 %4, %0
  br i1 %5, label %6, label %7

6:                                                ; preds = %2
  ret i32 %3

7:                                                ; preds = %2
  %8 = getelementptr inbounds nuw i8, ptr @text, i64 %4
  %9 = load i8, ptr %8, align 1, !tbaa !12
  %10 = zext i8 %9 to i32
  %11 = xor i32 %3, %10
  %12 = mul i32 %11, 16777619
  %13 = add i64 %4, 1
  br label %2, !llvm.loop !22
}

; Function Attrs: minsize nofree norecurse nosync nounwind optsize memory(write, argmem: read, inaccessiblemem: none, target_mem0: none, target_mem1: none) uwtable
define internal fastcc range(i64 -1, 150001) i64 @hex_decode(ptr noundef readonly captures(none) %0, i64 noundef range(i64 0, 300001) %1) unnamed_addr #3 {
  %3 = and i64 %1, 1
  %4 = icmp eq i64 %3, 0
  br i1 %4, label %5, label %44

5:                                                ; preds = %2, %31
  %6 = phi i64 [ %41, %31 ], [ 0, %2 ]
  %7 = icmp samesign ult i64 %6, %1
  br i1 %7, label %8, label %42

8:                                                ; preds = %5
  %9 = getelementptr inbounds nuw i8, ptr %0, i64 %6
  %10 = load i8, ptr %9, align 1, !tbaa !12
  %11 = sext i8 %10 to i32
  switch i8 %10, label %18 [
    i8 48, label %12
    i8 49, label %12
    i8 50, label %12
    i8 51, label %12
    i8 52, label %12
    i8 53, label %12
    i8 54, label %12
    i8 55, label %12
    i8 56, label %12
    i8 57, label %12
    i8 97, label %14
    i8 98, label %14
    i8 99, label %14
    i8 100, label %14
    i8 101, label %14
    i8 102, label %14
    i8 65, label %16
    i8 66, label %16
    i8 67, label %16
    i8 68, label %16
    i8 69, label %16
    i8 70, label %16
  ]

12:                                               ; preds = %8, %8, %8, %8, %8, %8, %8, %8, %8, %8
  %13 = add nsw i32 %11, -48
  br label %18

14:                                               ; preds = %8, %8, %8, %8, %8, %8
  %15 = add nsw i32 %11, -87
  br label %18

16:                                               ; preds = %8, %8, %8, %8, %8, %8
  %17 = add nsw i32 %11, -55
  br label %18

18:                                               ; preds = %8, %12, %14, %16
  %19 = phi i32 [ %17, %16 ], [ %13, %12 ], [ %15, %14 ], [ -1, %8 ]
  %20 = getelementptr inbounds nuw i8, ptr %9, i64 1
  %21 = load i8, ptr %20, align 1, !tbaa !12
  %22 = zext i8 %21 to i32
  %23 = add i8 %21, -48
  %24 = icmp ult i8 %23, 55
  br i1 %24, label %25, label %44

25:                                               ; preds = %18
  %26 = zext nneg i8 %23 to i64
  %27 = lshr i64 35465847073801215, %26
  %28 = trunc i64 %27 to i1
  %29 = icmp sgt i32 %19, -1
  %30 = select i1 %28, i1 %29, i1 false
  br i1 %30, label %31, label %44

31:                                               ; preds = %25
  %32 = zext nneg i8 %23 to i64
  %33 = getelementptr inbounds nuw i32, ptr @switch.table.hex_decode, i64 %32
  %34 = load i32, ptr %33, align 4
  %35 = add nsw i32 %34, %22
  %36 = shl nuw nsw i32 %19, 4
  %37 = add nuw nsw i32 %35, %36
  %38 = trunc nuw i32 %37 to i8
  %39 = lshr exact i64 %6, 1
  %40 = getelementptr inbounds nuw i8, ptr @back, i64 %39
  store i8 %38, ptr %40, align 1, !tbaa !12
  %41 = add nuw nsw i64 %6, 2
  br label %5, !llvm.loop !23

42:                                               ; preds = %5
  %43 = lshr exact i64 %1, 1
  br label %44

44:                                               ; preds = %18, %25, %42, %2
  %45 = phi i64 [ -1, %2 ], [ %43, %42 ], [ -1, %25 ], [ -1, %18 ]
  ret i64 %45
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
