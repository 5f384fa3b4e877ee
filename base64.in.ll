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
@.str.3 = private unnamed_addr constant [4 x i8] c"abc\00", align 1
@.str.4 = private unnamed_addr constant [3 x i8] c"zz\00", align 1
@.str.5 = private unnamed_addr constant [7 x i8] c"Man is\00", align 1
@.str.6 = private unnamed_addr constant [16 x i8] c"\22Man is\22 -> %s\0A\00", align 1
@.str.7 = private unnamed_addr constant [63 x i8] c"encoded %zu chars, hex %zu chars, roundtrip %d, rejected %d/5\0A\00", align 1
@.str.8 = private unnamed_addr constant [14 x i8] c"checksum: %u\0A\00", align 1
@hex_encode.digits = internal constant [17 x i8] c"0123456789abcdef\00", align 16

; Function Attrs: minsize nounwind optsize uwtable
define dso_local i32 @main(i32 noundef %0, ptr noundef %1) #0 {
  %3 = alloca i32, align 4
  %4 = alloca i32, align 4
  %5 = alloca ptr, align 8
  %6 = alloca i64, align 8
  %7 = alloca i32, align 4
  %8 = alloca i64, align 8
  %9 = alloca [256 x i8], align 16
  %10 = alloca [256 x i8], align 16
  %11 = alloca i32, align 4
  %12 = alloca i32, align 4
  %13 = alloca i64, align 8
  %14 = alloca i64, align 8
  %15 = alloca i64, align 8
  %16 = alloca i64, align 8
  %17 = alloca i64, align 8
  %18 = alloca i32, align 4
  %19 = alloca i64, align 8
  %20 = alloca i64, align 8
  %21 = alloca i32, align 4
  %22 = alloca i32, align 4
  store i32 0, ptr %3, align 4
  store i32 %0, ptr %4, align 4, !tbaa !5
  store ptr %1, ptr %5, align 8, !tbaa !9
  call void @llvm.lifetime.start.p0(ptr %6) #5
  %23 = load i32, ptr %4, align 4, !tbaa !5
  %24 = load ptr, ptr %5, align 8, !tbaa !9
  %25 = call i64 @parse_arg(i32 noundef %23, ptr noundef %24, i64 noundef 30000, i64 noundef 1, i64 noundef 300000) #6
  store i64 %25, ptr %6, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %7) #5
  %26 = load i64, ptr %6, align 8, !tbaa !13
  %27 = trunc i64 %26 to i32
  %28 = add i32 2916, %27
  store i32 %28, ptr %7, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %8) #5
  store i64 0, ptr %8, align 8, !tbaa !13
  br label %29

29:                                               ; preds = %52, %2
  %30 = load i64, ptr %8, align 8, !tbaa !13
  %31 = load i64, ptr %6, align 8, !tbaa !13
  %32 = icmp ult i64 %30, %31
  br i1 %32, label %34, label %33

33:                                               ; preds = %29
  call void @llvm.lifetime.end.p0(ptr %8) #5
  br label %55

34:                                               ; preds = %29
  %35 = load i32, ptr %7, align 4, !tbaa !5
  %36 = shl i32 %35, 13
  %37 = load i32, ptr %7, align 4, !tbaa !5
  %38 = xor i32 %37, %36
  store i32 %38, ptr %7, align 4, !tbaa !5
  %39 = load i32, ptr %7, align 4, !tbaa !5
  %40 = lshr i32 %39, 17
  %41 = load i32, ptr %7, align 4, !tbaa !5
  %42 = xor i32 %41, %40
  store i32 %42, ptr %7, align 4, !tbaa !5
  %43 = load i32, ptr %7, align 4, !tbaa !5
  %44 = shl i32 %43, 5
  %45 = load i32, ptr %7, align 4, !tbaa !5
  %46 = xor i32 %45, %44
  store i32 %46, ptr %7, align 4, !tbaa !5
  %47 = load i32, ptr %7, align 4, !tbaa !5
  %48 = lshr i32 %47, 11
  %49 = trunc i32 %48 to i8
  %50 = load i64, ptr %8, align 8, !tbaa !13
  %51 = getelementptr inbounds nuw [300000 x i8], ptr @data, i64 0, i64 %50
  store i8 %49, ptr %51, align 1, !tbaa !15
  br label %52

52:                                               ; preds = %34
  %53 = load i64, ptr %8, align 8, !tbaa !13
  %54 = add i64 %53, 1
  store i64 %54, ptr %8, align 8, !tbaa !13
  br label %29, !llvm.loop !16

55:                                               ; preds = %33
  call void @llvm.lifetime.start.p0(ptr %9) #5
  call void @llvm.lifetime.start.p0(ptr %10) #5
  %56 = getelementptr inbounds [256 x i8], ptr %9, i64 0, i64 0
  call void @build_reverse(ptr noundef @std_alpha, ptr noundef %56) #6
  %57 = getelementptr inbounds [256 x i8], ptr %10, i64 0, i64 0
  call void @build_reverse(ptr noundef @url_alpha, ptr noundef %57) #6
  call void @llvm.lifetime.start.p0(ptr %11) #5
  store i32 1, ptr %11, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %12) #5
  store i32 0, ptr %12, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %13) #5
  store i64 0, ptr %13, align 8, !tbaa !13
  br label %58

58:                                               ; preds = %109, %55
  %59 = load i64, ptr %13, align 8, !tbaa !13
  %60 = icmp ule i64 %59, 64
  br i1 %60, label %61, label %65

61:                                               ; preds = %58
  %62 = load i64, ptr %13, align 8, !tbaa !13
  %63 = load i64, ptr %6, align 8, !tbaa !13
  %64 = icmp ule i64 %62, %63
  br label %65

65:                                               ; preds = %61, %58
  %66 = phi i1 [ false, %58 ], [ %64, %61 ]
  br i1 %66, label %68, label %67

67:                                               ; preds = %65
  call void @llvm.lifetime.end.p0(ptr %13) #5
  br label %112

68:                                               ; preds = %65
  call void @llvm.lifetime.start.p0(ptr %14) #5
  %69 = load i64, ptr %13, align 8, !tbaa !13
  %70 = getelementptr inbounds nuw i8, ptr @data, i64 %69
  %71 = load i64, ptr %13, align 8, !tbaa !13
  %72 = load i64, ptr %13, align 8, !tbaa !13
  %73 = and i64 %72, 1
  %74 = icmp ne i64 %73, 0
  %75 = zext i1 %74 to i64
  %76 = select i1 %74, ptr @url_alpha, ptr @std_alpha
  %77 = load i64, ptr %13, align 8, !tbaa !13
  %78 = urem i64 %77, 3
  %79 = icmp ne i64 %78, 1
  %80 = zext i1 %79 to i32
  %81 = call i64 @b64_encode(ptr noundef %70, i64 noundef %71, ptr noundef @text, ptr noundef %76, i32 noundef %80) #6
  store i64 %81, ptr %14, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %15) #5
  %82 = load i64, ptr %14, align 8, !tbaa !13
  %83 = load i64, ptr %13, align 8, !tbaa !13
  %84 = and i64 %83, 1
  %85 = icmp ne i64 %84, 0
  br i1 %85, label %86, label %88

86:                                               ; preds = %68
  %87 = getelementptr inbounds [256 x i8], ptr %10, i64 0, i64 0
  br label %90

88:                                               ; preds = %68
  %89 = getelementptr inbounds [256 x i8], ptr %9, i64 0, i64 0
  br label %90

90:                                               ; preds = %88, %86
  %91 = phi ptr [ %87, %86 ], [ %89, %88 ]
  %92 = call i64 @b64_decode(ptr noundef @text, i64 noundef %82, ptr noundef @back, ptr noundef %91) #6
  store i64 %92, ptr %15, align 8, !tbaa !13
  %93 = load i64, ptr %15, align 8, !tbaa !13
  %94 = load i64, ptr %13, align 8, !tbaa !13
  %95 = icmp ne i64 %93, %94
  br i1 %95, label %102, label %96

96:                                               ; preds = %90
  %97 = load i64, ptr %13, align 8, !tbaa !13
  %98 = getelementptr inbounds nuw i8, ptr @data, i64 %97
  %99 = load i64, ptr %13, align 8, !tbaa !13
  %100 = call i32 @memcmp(ptr noundef @back, ptr noundef %98, i64 noundef %99) #7
  %101 = icmp ne i32 %100, 0
  br i1 %101, label %102, label %103

102:                                              ; preds = %96, %90
  store i32 0, ptr %11, align 4, !tbaa !5
  br label %103

103:                                              ; preds = %102, %96
  %104 = load i32, ptr %12, align 4, !tbaa !5
  %105 = mul i32 %104, 31
  %106 = load i64, ptr %14, align 8, !tbaa !13
  %107 = call i32 @fnv(ptr noundef @text, i64 noundef %106) #6
  %108 = add i32 %105, %107
  store i32 %108, ptr %12, align 4, !tbaa !5
  call void @llvm.lifetime.end.p0(ptr %15) #5
  call void @llvm.lifetime.end.p0(ptr %14) #5
  br label %109

109:                                              ; preds = %103
  %110 = load i64, ptr %13, align 8, !tbaa !13
  %111 = add i64 %110, 1
  store i64 %111, ptr %13, align 8, !tbaa !13
  br label %58, !llvm.loop !18

112:                                              ; preds = %67
  call void @llvm.lifetime.start.p0(ptr %16) #5
  %113 = load i64, ptr %6, align 8, !tbaa !13
  %114 = call i64 @b64_encode(ptr noundef @data, i64 noundef %113, ptr noundef @text, ptr noundef @std_alpha, i32 noundef 1) #6
  store i64 %114, ptr %16, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %17) #5
  %115 = load i64, ptr %16, align 8, !tbaa !13
  %116 = getelementptr inbounds [256 x i8], ptr %9, i64 0, i64 0
  %117 = call i64 @b64_decode(ptr noundef @text, i64 noundef %115, ptr noundef @back, ptr noundef %116) #6
  store i64 %117, ptr %17, align 8, !tbaa !13
  %118 = load i64, ptr %17, align 8, !tbaa !13
  %119 = load i64, ptr %6, align 8, !tbaa !13
  %120 = icmp ne i64 %118, %119
  br i1 %120, label %125, label %121

121:                                              ; preds = %112
  %122 = load i64, ptr %6, align 8, !tbaa !13
  %123 = call i32 @memcmp(ptr noundef @back, ptr noundef @data, i64 noundef %122) #7
  %124 = icmp ne i32 %123, 0
  br i1 %124, label %125, label %126

125:                                              ; preds = %121, %112
  store i32 0, ptr %11, align 4, !tbaa !5
  br label %126

126:                                              ; preds = %125, %121
  call void @llvm.lifetime.start.p0(ptr %18) #5
  %127 = load i64, ptr %16, align 8, !tbaa !13
  %128 = call i32 @fnv(ptr noundef @text, i64 noundef %127) #6
  store i32 %128, ptr %18, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %19) #5
  %129 = load i64, ptr %6, align 8, !tbaa !13
  %130 = udiv i64 %129, 2
  %131 = call i64 @hex_encode(ptr noundef @data, i64 noundef %130, ptr noundef @text) #6
  store i64 %131, ptr %19, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %20) #5
  %132 = load i64, ptr %19, align 8, !tbaa !13
  %133 = call i64 @hex_decode(ptr noundef @text, i64 noundef %132, ptr noundef @back) #6
  store i64 %133, ptr %20, align 8, !tbaa !13
  %134 = load i64, ptr %20, align 8, !tbaa !13
  %135 = load i64, ptr %6, align 8, !tbaa !13
  %136 = udiv i64 %135, 2
  %137 = icmp ne i64 %134, %136
  br i1 %137, label %143, label %138

138:                                              ; preds = %126
  %139 = load i64, ptr %6, align 8, !tbaa !13
  %140 = udiv i64 %139, 2
  %141 = call i32 @memcmp(ptr noundef @back, ptr noundef @data, i64 noundef %140) #7
  %142 = icmp ne i32 %141, 0
  br i1 %142, label %143, label %144

143:                                              ; preds = %138, %126
  store i32 0, ptr %11, align 4, !tbaa !5
  br label %144

144:                                              ; preds = %143, %138
  call void @llvm.lifetime.start.p0(ptr %21) #5
  %145 = load i64, ptr %19, align 8, !tbaa !13
  %146 = call i32 @fnv(ptr noundef @text, i64 noundef %145) #6
  store i32 %146, ptr %21, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %22) #5
  store i32 0, ptr %22, align 4, !tbaa !5
  %147 = getelementptr inbounds [256 x i8], ptr %9, i64 0, i64 0
  %148 = call i64 @b64_decode(ptr noundef @.str, i64 noundef 8, ptr noundef @back, ptr noundef %147) #6
  %149 = icmp slt i64 %148, 0
  %150 = zext i1 %149 to i32
  %151 = load i32, ptr %22, align 4, !tbaa !5
  %152 = add nsw i32 %151, %150
  store i32 %152, ptr %22, align 4, !tbaa !5
  %153 = getelementptr inbounds [256 x i8], ptr %9, i64 0, i64 0
  %154 = call i64 @b64_decode(ptr noundef @.str.1, i64 noundef 7, ptr noundef @back, ptr noundef %153) #6
  %155 = icmp sge i64 %154, 0
  %156 = zext i1 %155 to i32
  %157 = load i32, ptr %22, align 4, !tbaa !5
  %158 = add nsw i32 %157, %156
  store i32 %158, ptr %22, align 4, !tbaa !5
  %159 = getelementptr inbounds [256 x i8], ptr %9, i64 0, i64 0
  %160 = call i64 @b64_decode(ptr noundef @.str.2, i64 noundef 7, ptr noundef @back, ptr noundef %159) #6
  %161 = icmp slt i64 %160, 0
  %162 = zext i1 %161 to i32
  %163 = load i32, ptr %22, align 4, !tbaa !5
  %164 = add nsw i32 %163, %162
  store i32 %164, ptr %22, align 4, !tbaa !5
  %165 = call i64 @hex_decode(ptr noundef @.str.3, i64 noundef 3, ptr noundef @back) #6
  %166 = icmp slt i64 %165, 0
  %167 = zext i1 %166 to i32
  %168 = load i32, ptr %22, align 4, !tbaa !5
  %169 = add nsw i32 %168, %167
  store i32 %169, ptr %22, align 4, !tbaa !5
  %170 = call i64 @hex_decode(ptr noundef @.str.4, i64 noundef 2, ptr noundef @back) #6
  %171 = icmp slt i64 %170, 0
  %172 = zext i1 %171 to i32
  %173 = load i32, ptr %22, align 4, !tbaa !5
  %174 = add nsw i32 %173, %172
  store i32 %174, ptr %22, align 4, !tbaa !5
  %175 = call i64 @b64_encode(ptr noundef @.str.5, i64 noundef 6, ptr noundef @text, ptr noundef @std_alpha, i32 noundef 1) #6
  %176 = call i32 (ptr, ...) @printf(ptr noundef @.str.6, ptr noundef @text) #6
  %177 = load i64, ptr %16, align 8, !tbaa !13
  %178 = load i64, ptr %19, align 8, !tbaa !13
  %179 = load i32, ptr %11, align 4, !tbaa !5
  %180 = load i32, ptr %22, align 4, !tbaa !5
  %181 = call i32 (ptr, ...) @printf(ptr noundef @.str.7, i64 noundef %177, i64 noundef %178, i32 noundef %179, i32 noundef %180) #6
  %182 = load i32, ptr %12, align 4, !tbaa !5
  %183 = load i32, ptr %18, align 4, !tbaa !5
  %184 = xor i32 %182, %183
  %185 = load i32, ptr %21, align 4, !tbaa !5
  %186 = mul i32 %185, 3
  %187 = xor i32 %184, %186
  %188 = call i32 (ptr, ...) @printf(ptr noundef @.str.8, i32 noundef %187) #6
  call void @llvm.lifetime.end.p0(ptr %22) #5
  call void @llvm.lifetime.end.p0(ptr %21) #5
  call void @llvm.lifetime.end.p0(ptr %20) #5
  call void @llvm.lifetime.end.p0(ptr %19) #5
  call void @llvm.lifetime.end.p0(ptr %18) #5
  call void @llvm.lifetime.end.p0(ptr %17) #5
  call void @llvm.lifetime.end.p0(ptr %16) #5
  call void @llvm.lifetime.end.p0(ptr %12) #5
  call void @llvm.lifetime.end.p0(ptr %11) #5
  call void @llvm.lifetime.end.p0(ptr %10) #5
  call void @llvm.lifetime.end.p0(ptr %9) #5
  call void @llvm.lifetime.end.p0(ptr %7) #5
  call void @llvm.lifetime.end.p0(ptr %6) #5
  ret i32 0
}

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.start.p0(ptr captures(none)) #1

; Function Attrs: minsize nounwind optsize uwtable
define internal i64 @parse_arg(i32 noundef %0, ptr noundef %1, i64 noundef %2, i64 noundef %3, i64 noundef %4) #0 {
  %6 = alloca i32, align 4
  %7 = alloca ptr, align 8
  %8 = alloca i64, align 8
  %9 = alloca i64, align 8
  %10 = alloca i64, align 8
  %11 = alloca i64, align 8
  %12 = alloca ptr, align 8
  %13 = alloca i64, align 8
  store i32 %0, ptr %6, align 4, !tbaa !5
  store ptr %1, ptr %7, align 8, !tbaa !9
  store i64 %2, ptr %8, align 8, !tbaa !13
  store i64 %3, ptr %9, align 8, !tbaa !13
  store i64 %4, ptr %10, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %11) #5
  %14 = load i64, ptr %8, align 8, !tbaa !13
  store i64 %14, ptr %11, align 8, !tbaa !13
  %15 = load i32, ptr %6, align 4, !tbaa !5
  %16 = icmp sgt i32 %15, 1
  br i1 %16, label %17, label %30

17:                                               ; preds = %5
  call void @llvm.lifetime.start.p0(ptr %12) #5
  call void @llvm.lifetime.start.p0(ptr %13) #5
  %18 = load ptr, ptr %7, align 8, !tbaa !9
  %19 = getelementptr inbounds ptr, ptr %18, i64 1
  %20 = load ptr, ptr %19, align 8, !tbaa !19
  %21 = call i64 @strtol(ptr noundef %20, ptr noundef %12, i32 noundef 10) #8
  store i64 %21, ptr %13, align 8, !tbaa !13
  %22 = load ptr, ptr %12, align 8, !tbaa !19
  %23 = load ptr, ptr %7, align 8, !tbaa !9
  %24 = getelementptr inbounds ptr, ptr %23, i64 1
  %25 = load ptr, ptr %24, align 8, !tbaa !19
  %26 = icmp ne ptr %22, %25
  br i1 %26, label %27, label %29

27:                                               ; preds = %17
  %28 = load i64, ptr %13, align 8, !tbaa !13
  store i64 %28, ptr %11, align 8, !tbaa !13
  br label %29

29:                                               ; preds = %27, %17
  call void @llvm.lifetime.end.p0(ptr %13) #5
  call void @llvm.lifetime.end.p0(ptr %12) #5
  br label %30

30:                                               ; preds = %29, %5
  %31 = load i64, ptr %11, align 8, !tbaa !13
  %32 = load i64, ptr %9, align 8, !tbaa !13
  %33 = icmp slt i64 %31, %32
  br i1 %33, label %34, label %36

34:                                               ; preds = %30
  %35 = load i64, ptr %9, align 8, !tbaa !13
  store i64 %35, ptr %11, align 8, !tbaa !13
  br label %36

36:                                               ; preds = %34, %30
  %37 = load i64, ptr %11, align 8, !tbaa !13
  %38 = load i64, ptr %10, align 8, !tbaa !13
  %39 = icmp sgt i64 %37, %38
  br i1 %39, label %40, label %42

40:                                               ; preds = %36
  %41 = load i64, ptr %10, align 8, !tbaa !13
  store i64 %41, ptr %11, align 8, !tbaa !13
  br label %42

42:                                               ; preds = %40, %36
  %43 = load i64, ptr %11, align 8, !tbaa !13
  call void @llvm.lifetime.end.p0(ptr %11) #5
  ret i64 %43
}

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.end.p0(ptr captures(none)) #1

; Function Attrs: minsize nounwind optsize uwtable
define internal void @build_reverse(ptr noundef %0, ptr noundef %1) #0 {
  %3 = alloca ptr, align 8
  %4 = alloca ptr, align 8
  %5 = alloca i32, align 4
  %6 = alloca i32, align 4
  store ptr %0, ptr %3, align 8, !tbaa !19
  store ptr %1, ptr %4, align 8, !tbaa !19
  call void @llvm.lifetime.start.p0(ptr %5) #5
  store i32 0, ptr %5, align 4, !tbaa !5
  br label %7

7:                                                ; preds = %16, %2
  %8 = load i32, ptr %5, align 4, !tbaa !5
  %9 = icmp slt i32 %8, 256
  br i1 %9, label %11, label %10

10:                                               ; preds = %7
  call void @llvm.lifetime.end.p0(ptr %5) #5
  br label %19

11:                                               ; preds = %7
  %12 = load ptr, ptr %4, align 8, !tbaa !19
  %13 = load i32, ptr %5, align 4, !tbaa !5
  %14 = sext i32 %13 to i64
  %15 = getelementptr inbounds i8, ptr %12, i64 %14
  store i8 -1, ptr %15, align 1, !tbaa !15
  br label %16

16:                                               ; preds = %11
  %17 = load i32, ptr %5, align 4, !tbaa !5
  %18 = add nsw i32 %17, 1
  store i32 %18, ptr %5, align 4, !tbaa !5
  br label %7, !llvm.loop !21

19:                                               ; preds = %10
  call void @llvm.lifetime.start.p0(ptr %6) #5
  store i32 0, ptr %6, align 4, !tbaa !5
  br label %20

20:                                               ; preds = %35, %19
  %21 = load i32, ptr %6, align 4, !tbaa !5
  %22 = icmp slt i32 %21, 64
  br i1 %22, label %24, label %23

23:                                               ; preds = %20
  call void @llvm.lifetime.end.p0(ptr %6) #5
  br label %38

24:                                               ; preds = %20
  %25 = load i32, ptr %6, align 4, !tbaa !5
  %26 = trunc i32 %25 to i8
  %27 = load ptr, ptr %4, align 8, !tbaa !19
  %28 = load ptr, ptr %3, align 8, !tbaa !19
  %29 = load i32, ptr %6, align 4, !tbaa !5
  %30 = sext i32 %29 to i64
  %31 = getelementptr inbounds i8, ptr %28, i64 %30
  %32 = load i8, ptr %31, align 1, !tbaa !15
  %33 = zext i8 %32 to i64
  %34 = getelementptr inbounds nuw i8, ptr %27, i64 %33
  store i8 %26, ptr %34, align 1, !tbaa !15
  br label %35

35:                                               ; preds = %24
  %36 = load i32, ptr %6, align 4, !tbaa !5
  %37 = add nsw i32 %36, 1
  store i32 %37, ptr %6, align 4, !tbaa !5
  br label %20, !llvm.loop !22

38:                                               ; preds = %23
  ret void
}

; Function Attrs: minsize nounwind optsize uwtable
define internal i64 @b64_encode(ptr noundef %0, i64 noundef %1, ptr noundef %2, ptr noundef %3, i32 noundef %4) #0 {
  %6 = alloca ptr, align 8
  %7 = alloca i64, align 8
  %8 = alloca ptr, align 8
  %9 = alloca ptr, align 8
  %10 = alloca i32, align 4
  %11 = alloca i64, align 8
  %12 = alloca i64, align 8
  %13 = alloca i32, align 4
  %14 = alloca i64, align 8
  %15 = alloca i32, align 4
  store ptr %0, ptr %6, align 8, !tbaa !19
  store i64 %1, ptr %7, align 8, !tbaa !13
  store ptr %2, ptr %8, align 8, !tbaa !19
  store ptr %3, ptr %9, align 8, !tbaa !19
  store i32 %4, ptr %10, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %11) #5
  store i64 0, ptr %11, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %12) #5
  store i64 0, ptr %12, align 8, !tbaa !13
  br label %16

16:                                               ; preds = %86, %5
  %17 = load i64, ptr %12, align 8, !tbaa !13
  %18 = add i64 %17, 2
  %19 = load i64, ptr %7, align 8, !tbaa !13
  %20 = icmp ult i64 %18, %19
  br i1 %20, label %21, label %89

21:                                               ; preds = %16
  call void @llvm.lifetime.start.p0(ptr %13) #5
  %22 = load ptr, ptr %6, align 8, !tbaa !19
  %23 = load i64, ptr %12, align 8, !tbaa !13
  %24 = getelementptr inbounds nuw i8, ptr %22, i64 %23
  %25 = load i8, ptr %24, align 1, !tbaa !15
  %26 = zext i8 %25 to i32
  %27 = shl i32 %26, 16
  %28 = load ptr, ptr %6, align 8, !tbaa !19
  %29 = load i64, ptr %12, align 8, !tbaa !13
  %30 = add i64 %29, 1
  %31 = getelementptr inbounds nuw i8, ptr %28, i64 %30
  %32 = load i8, ptr %31, align 1, !tbaa !15
  %33 = zext i8 %32 to i32
  %34 = shl i32 %33, 8
  %35 = or i32 %27, %34
  %36 = load ptr, ptr %6, align 8, !tbaa !19
  %37 = load i64, ptr %12, align 8, !tbaa !13
  %38 = add i64 %37, 2
  %39 = getelementptr inbounds nuw i8, ptr %36, i64 %38
  %40 = load i8, ptr %39, align 1, !tbaa !15
  %41 = zext i8 %40 to i32
  %42 = or i32 %35, %41
  store i32 %42, ptr %13, align 4, !tbaa !5
  %43 = load ptr, ptr %9, align 8, !tbaa !19
  %44 = load i32, ptr %13, align 4, !tbaa !5
  %45 = lshr i32 %44, 18
  %46 = and i32 %45, 63
  %47 = zext i32 %46 to i64
  %48 = getelementptr inbounds nuw i8, ptr %43, i64 %47
  %49 = load i8, ptr %48, align 1, !tbaa !15
  %50 = load ptr, ptr %8, align 8, !tbaa !19
  %51 = load i64, ptr %11, align 8, !tbaa !13
  %52 = add i64 %51, 1
  store i64 %52, ptr %11, align 8, !tbaa !13
  %53 = getelementptr inbounds nuw i8, ptr %50, i64 %51
  store i8 %49, ptr %53, align 1, !tbaa !15
  %54 = load ptr, ptr %9, align 8, !tbaa !19
  %55 = load i32, ptr %13, align 4, !tbaa !5
  %56 = lshr i32 %55, 12
  %57 = and i32 %56, 63
  %58 = zext i32 %57 to i64
  %59 = getelementptr inbounds nuw i8, ptr %54, i64 %58
  %60 = load i8, ptr %59, align 1, !tbaa !15
  %61 = load ptr, ptr %8, align 8, !tbaa !19
  %62 = load i64, ptr %11, align 8, !tbaa !13
  %63 = add i64 %62, 1
  store i64 %63, ptr %11, align 8, !tbaa !13
  %64 = getelementptr inbounds nuw i8, ptr %61, i64 %62
  store i8 %60, ptr %64, align 1, !tbaa !15
  %65 = load ptr, ptr %9, align 8, !tbaa !19
  %66 = load i32, ptr %13, align 4, !tbaa !5
  %67 = lshr i32 %66, 6
  %68 = and i32 %67, 63
  %69 = zext i32 %68 to i64
  %70 = getelementptr inbounds nuw i8, ptr %65, i64 %69
  %71 = load i8, ptr %70, align 1, !tbaa !15
  %72 = load ptr, ptr %8, align 8, !tbaa !19
  %73 = load i64, ptr %11, align 8, !tbaa !13
  %74 = add i64 %73, 1
  store i64 %74, ptr %11, align 8, !tbaa !13
  %75 = getelementptr inbounds nuw i8, ptr %72, i64 %73
  store i8 %71, ptr %75, align 1, !tbaa !15
  %76 = load ptr, ptr %9, align 8, !tbaa !19
  %77 = load i32, ptr %13, align 4, !tbaa !5
  %78 = and i32 %77, 63
  %79 = zext i32 %78 to i64
  %80 = getelementptr inbounds nuw i8, ptr %76, i64 %79
  %81 = load i8, ptr %80, align 1, !tbaa !15
  %82 = load ptr, ptr %8, align 8, !tbaa !19
  %83 = load i64, ptr %11, align 8, !tbaa !13
  %84 = add i64 %83, 1
  store i64 %84, ptr %11, align 8, !tbaa !13
  %85 = getelementptr inbounds nuw i8, ptr %82, i64 %83
  store i8 %81, ptr %85, align 1, !tbaa !15
  call void @llvm.lifetime.end.p0(ptr %13) #5
  br label %86

86:                                               ; preds = %21
  %87 = load i64, ptr %12, align 8, !tbaa !13
  %88 = add i64 %87, 3
  store i64 %88, ptr %12, align 8, !tbaa !13
  br label %16, !llvm.loop !23

89:                                               ; preds = %16
  call void @llvm.lifetime.start.p0(ptr %14) #5
  %90 = load i64, ptr %7, align 8, !tbaa !13
  %91 = load i64, ptr %12, align 8, !tbaa !13
  %92 = sub i64 %90, %91
  store i64 %92, ptr %14, align 8, !tbaa !13
  %93 = load i64, ptr %14, align 8, !tbaa !13
  %94 = icmp ne i64 %93, 0
  br i1 %94, label %95, label %169

95:                                               ; preds = %89
  call void @llvm.lifetime.start.p0(ptr %15) #5
  %96 = load ptr, ptr %6, align 8, !tbaa !19
  %97 = load i64, ptr %12, align 8, !tbaa !13
  %98 = getelementptr inbounds nuw i8, ptr %96, i64 %97
  %99 = load i8, ptr %98, align 1, !tbaa !15
  %100 = zext i8 %99 to i32
  %101 = shl i32 %100, 16
  store i32 %101, ptr %15, align 4, !tbaa !5
  %102 = load i64, ptr %14, align 8, !tbaa !13
  %103 = icmp eq i64 %102, 2
  br i1 %103, label %104, label %114

104:                                              ; preds = %95
  %105 = load ptr, ptr %6, align 8, !tbaa !19
  %106 = load i64, ptr %12, align 8, !tbaa !13
  %107 = add i64 %106, 1
  %108 = getelementptr inbounds nuw i8, ptr %105, i64 %107
  %109 = load i8, ptr %108, align 1, !tbaa !15
  %110 = zext i8 %109 to i32
  %111 = shl i32 %110, 8
  %112 = load i32, ptr %15, align 4, !tbaa !5
  %113 = or i32 %112, %111
  store i32 %113, ptr %15, align 4, !tbaa !5
  br label %114

114:                                              ; preds = %104, %95
  %115 = load ptr, ptr %9, align 8, !tbaa !19
  %116 = load i32, ptr %15, align 4, !tbaa !5
  %117 = lshr i32 %116, 18
  %118 = and i32 %117, 63
  %119 = zext i32 %118 to i64
  %120 = getelementptr inbounds nuw i8, ptr %115, i64 %119
  %121 = load i8, ptr %120, align 1, !tbaa !15
  %122 = load ptr, ptr %8, align 8, !tbaa !19
  %123 = load i64, ptr %11, align 8, !tbaa !13
  %124 = add i64 %123, 1
  store i64 %124, ptr %11, align 8, !tbaa !13
  %125 = getelementptr inbounds nuw i8, ptr %122, i64 %123
  store i8 %121, ptr %125, align 1, !tbaa !15
  %126 = load ptr, ptr %9, align 8, !tbaa !19
  %127 = load i32, ptr %15, align 4, !tbaa !5
  %128 = lshr i32 %127, 12
  %129 = and i32 %128, 63
  %130 = zext i32 %129 to i64
  %131 = getelementptr inbounds nuw i8, ptr %126, i64 %130
  %132 = load i8, ptr %131, align 1, !tbaa !15
  %133 = load ptr, ptr %8, align 8, !tbaa !19
  %134 = load i64, ptr %11, align 8, !tbaa !13
  %135 = add i64 %134, 1
  store i64 %135, ptr %11, align 8, !tbaa !13
  %136 = getelementptr inbounds nuw i8, ptr %133, i64 %134
  store i8 %132, ptr %136, align 1, !tbaa !15
  %137 = load i64, ptr %14, align 8, !tbaa !13
  %138 = icmp eq i64 %137, 2
  br i1 %138, label %139, label %151

139:                                              ; preds = %114
  %140 = load ptr, ptr %9, align 8, !tbaa !19
  %141 = load i32, ptr %15, align 4, !tbaa !5
  %142 = lshr i32 %141, 6
  %143 = and i32 %142, 63
  %144 = zext i32 %143 to i64
  %145 = getelementptr inbounds nuw i8, ptr %140, i64 %144
  %146 = load i8, ptr %145, align 1, !tbaa !15
  %147 = load ptr, ptr %8, align 8, !tbaa !19
  %148 = load i64, ptr %11, align 8, !tbaa !13
  %149 = add i64 %148, 1
  store i64 %149, ptr %11, align 8, !tbaa !13
  %150 = getelementptr inbounds nuw i8, ptr %147, i64 %148
  store i8 %146, ptr %150, align 1, !tbaa !15
  br label %160

151:                                              ; preds = %114
  %152 = load i32, ptr %10, align 4, !tbaa !5
  %153 = icmp ne i32 %152, 0
  br i1 %153, label %154, label %159

154:                                              ; preds = %151
  %155 = load ptr, ptr %8, align 8, !tbaa !19
  %156 = load i64, ptr %11, align 8, !tbaa !13
  %157 = add i64 %156, 1
  store i64 %157, ptr %11, align 8, !tbaa !13
  %158 = getelementptr inbounds nuw i8, ptr %155, i64 %156
  store i8 61, ptr %158, align 1, !tbaa !15
  br label %159

159:                                              ; preds = %154, %151
  br label %160

160:                                              ; preds = %159, %139
  %161 = load i32, ptr %10, align 4, !tbaa !5
  %162 = icmp ne i32 %161, 0
  br i1 %162, label %163, label %168

163:                                              ; preds = %160
  %164 = load ptr, ptr %8, align 8, !tbaa !19
  %165 = load i64, ptr %11, align 8, !tbaa !13
  %166 = add i64 %165, 1
  store i64 %166, ptr %11, align 8, !tbaa !13
  %167 = getelementptr inbounds nuw i8, ptr %164, i64 %165
  store i8 61, ptr %167, align 1, !tbaa !15
  br label %168

168:                                              ; preds = %163, %160
  call void @llvm.lifetime.end.p0(ptr %15) #5
  br label %169

169:                                              ; preds = %168, %89
  %170 = load ptr, ptr %8, align 8, !tbaa !19
  %171 = load i64, ptr %11, align 8, !tbaa !13
  %172 = getelementptr inbounds nuw i8, ptr %170, i64 %171
  store i8 0, ptr %172, align 1, !tbaa !15
  %173 = load i64, ptr %11, align 8, !tbaa !13
  call void @llvm.lifetime.end.p0(ptr %14) #5
  call void @llvm.lifetime.end.p0(ptr %12) #5
  call void @llvm.lifetime.end.p0(ptr %11) #5
  ret i64 %173
}

; Function Attrs: minsize nounwind optsize uwtable
define internal i64 @b64_decode(ptr noundef %0, i64 noundef %1, ptr noundef %2, ptr noundef %3) #0 {
  %5 = alloca i64, align 8
  %6 = alloca ptr, align 8
  %7 = alloca i64, align 8
  %8 = alloca ptr, align 8
  %9 = alloca ptr, align 8
  %10 = alloca i64, align 8
  %11 = alloca i32, align 4
  %12 = alloca i32, align 4
  %13 = alloca i64, align 8
  %14 = alloca i32, align 4
  %15 = alloca i32, align 4
  store ptr %0, ptr %6, align 8, !tbaa !19
  store i64 %1, ptr %7, align 8, !tbaa !13
  store ptr %2, ptr %8, align 8, !tbaa !19
  store ptr %3, ptr %9, align 8, !tbaa !19
  br label %16

16:                                               ; preds = %29, %4
  %17 = load i64, ptr %7, align 8, !tbaa !13
  %18 = icmp ugt i64 %17, 0
  br i1 %18, label %19, label %27

19:                                               ; preds = %16
  %20 = load ptr, ptr %6, align 8, !tbaa !19
  %21 = load i64, ptr %7, align 8, !tbaa !13
  %22 = sub i64 %21, 1
  %23 = getelementptr inbounds nuw i8, ptr %20, i64 %22
  %24 = load i8, ptr %23, align 1, !tbaa !15
  %25 = sext i8 %24 to i32
  %26 = icmp eq i32 %25, 61
  br label %27

27:                                               ; preds = %19, %16
  %28 = phi i1 [ false, %16 ], [ %26, %19 ]
  br i1 %28, label %29, label %32

29:                                               ; preds = %27
  %30 = load i64, ptr %7, align 8, !tbaa !13
  %31 = add i64 %30, -1
  store i64 %31, ptr %7, align 8, !tbaa !13
  br label %16, !llvm.loop !24

32:                                               ; preds = %27
  %33 = load i64, ptr %7, align 8, !tbaa !13
  %34 = urem i64 %33, 4
  %35 = icmp eq i64 %34, 1
  br i1 %35, label %36, label %37

36:                                               ; preds = %32
  store i64 -1, ptr %5, align 8
  br label %100

37:                                               ; preds = %32
  call void @llvm.lifetime.start.p0(ptr %10) #5
  store i64 0, ptr %10, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %11) #5
  store i32 0, ptr %11, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %12) #5
  store i32 0, ptr %12, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %13) #5
  store i64 0, ptr %13, align 8, !tbaa !13
  br label %38

38:                                               ; preds = %81, %37
  %39 = load i64, ptr %13, align 8, !tbaa !13
  %40 = load i64, ptr %7, align 8, !tbaa !13
  %41 = icmp ult i64 %39, %40
  br i1 %41, label %43, label %42

42:                                               ; preds = %38
  store i32 4, ptr %14, align 4
  br label %84

43:                                               ; preds = %38
  call void @llvm.lifetime.start.p0(ptr %15) #5
  %44 = load ptr, ptr %9, align 8, !tbaa !19
  %45 = load ptr, ptr %6, align 8, !tbaa !19
  %46 = load i64, ptr %13, align 8, !tbaa !13
  %47 = getelementptr inbounds nuw i8, ptr %45, i64 %46
  %48 = load i8, ptr %47, align 1, !tbaa !15
  %49 = zext i8 %48 to i64
  %50 = getelementptr inbounds nuw i8, ptr %44, i64 %49
  %51 = load i8, ptr %50, align 1, !tbaa !15
  %52 = sext i8 %51 to i32
  store i32 %52, ptr %15, align 4, !tbaa !5
  %53 = load i32, ptr %15, align 4, !tbaa !5
  %54 = icmp slt i32 %53, 0
  br i1 %54, label %55, label %56

55:                                               ; preds = %43
  store i64 -1, ptr %5, align 8
  store i32 1, ptr %14, align 4
  br label %78

56:                                               ; preds = %43
  %57 = load i32, ptr %11, align 4, !tbaa !5
  %58 = shl i32 %57, 6
  %59 = load i32, ptr %15, align 4, !tbaa !5
  %60 = or i32 %58, %59
  store i32 %60, ptr %11, align 4, !tbaa !5
  %61 = load i32, ptr %12, align 4, !tbaa !5
  %62 = add nsw i32 %61, 6
  store i32 %62, ptr %12, align 4, !tbaa !5
  %63 = load i32, ptr %12, align 4, !tbaa !5
  %64 = icmp sge i32 %63, 8
  br i1 %64, label %65, label %77

65:                                               ; preds = %56
  %66 = load i32, ptr %12, align 4, !tbaa !5
  %67 = sub nsw i32 %66, 8
  store i32 %67, ptr %12, align 4, !tbaa !5
  %68 = load i32, ptr %11, align 4, !tbaa !5
  %69 = load i32, ptr %12, align 4, !tbaa !5
  %70 = lshr i32 %68, %69
  %71 = and i32 %70, 255
  %72 = trunc i32 %71 to i8
  %73 = load ptr, ptr %8, align 8, !tbaa !19
  %74 = load i64, ptr %10, align 8, !tbaa !13
  %75 = add i64 %74, 1
  store i64 %75, ptr %10, align 8, !tbaa !13
  %76 = getelementptr inbounds nuw i8, ptr %73, i64 %74
  store i8 %72, ptr %76, align 1, !tbaa !15
  br label %77

77:                                               ; preds = %65, %56
  store i32 0, ptr %14, align 4
  br label %78

78:                                               ; preds = %77, %55
  call void @llvm.lifetime.end.p0(ptr %15) #5
  %79 = load i32, ptr %14, align 4
  switch i32 %79, label %84 [
    i32 0, label %80
  ]

80:                                               ; preds = %78
  br label %81

81:                                               ; preds = %80
  %82 = load i64, ptr %13, align 8, !tbaa !13
  %83 = add i64 %82, 1
  store i64 %83, ptr %13, align 8, !tbaa !13
  br label %38, !llvm.loop !25

84:                                               ; preds = %78, %42
  call void @llvm.lifetime.end.p0(ptr %13) #5
  %85 = load i32, ptr %14, align 4
  switch i32 %85, label %99 [
    i32 4, label %86
  ]

86:                                               ; preds = %84
  %87 = load i32, ptr %12, align 4, !tbaa !5
  %88 = icmp sgt i32 %87, 0
  br i1 %88, label %89, label %97

89:                                               ; preds = %86
  %90 = load i32, ptr %11, align 4, !tbaa !5
  %91 = load i32, ptr %12, align 4, !tbaa !5
  %92 = shl i32 1, %91
  %93 = sub i32 %92, 1
  %94 = and i32 %90, %93
  %95 = icmp ne i32 %94, 0
  br i1 %95, label %96, label %97

96:                                               ; preds = %89
  store i64 -1, ptr %5, align 8
  store i32 1, ptr %14, align 4
  br label %99

97:                                               ; preds = %89, %86
  %98 = load i64, ptr %10, align 8, !tbaa !13
  store i64 %98, ptr %5, align 8
  store i32 1, ptr %14, align 4
  br label %99

99:                                               ; preds = %97, %96, %84
  call void @llvm.lifetime.end.p0(ptr %12) #5
  call void @llvm.lifetime.end.p0(ptr %11) #5
  call void @llvm.lifetime.end.p0(ptr %10) #5
  br label %100

100:                                              ; preds = %99, %36
  %101 = load i64, ptr %5, align 8
  ret i64 %101
}

; Function Attrs: minsize nounwind optsize willreturn memory(read)
declare i32 @memcmp(ptr noundef, ptr noundef, i64 noundef) #2

; Function Attrs: minsize nounwind optsize uwtable
define internal i32 @fnv(ptr noundef %0, i64 noundef %1) #0 {
  %3 = alloca ptr, align 8
  %4 = alloca i64, align 8
  %5 = alloca ptr, align 8
  %6 = alloca i32, align 4
  %7 = alloca i64, align 8
  store ptr %0, ptr %3, align 8, !tbaa !26
  store i64 %1, ptr %4, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %5) #5
  %8 = load ptr, ptr %3, align 8, !tbaa !26
  store ptr %8, ptr %5, align 8, !tbaa !19
  call void @llvm.lifetime.start.p0(ptr %6) #5
  store i32 -2128831035, ptr %6, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %7) #5
  store i64 0, ptr %7, align 8, !tbaa !13
  br label %9

9:                                                ; preds = %23, %2
  %10 = load i64, ptr %7, align 8, !tbaa !13
  %11 = load i64, ptr %4, align 8, !tbaa !13
  %12 = icmp ult i64 %10, %11
  br i1 %12, label %14, label %13

13:                                               ; preds = %9
  call void @llvm.lifetime.end.p0(ptr %7) #5
  br label %26

14:                                               ; preds = %9
  %15 = load i32, ptr %6, align 4, !tbaa !5
  %16 = load ptr, ptr %5, align 8, !tbaa !19
  %17 = load i64, ptr %7, align 8, !tbaa !13
  %18 = getelementptr inbounds nuw i8, ptr %16, i64 %17
  %19 = load i8, ptr %18, align 1, !tbaa !15
  %20 = zext i8 %19 to i32
  %21 = xor i32 %15, %20
  %22 = mul i32 %21, 16777619
  store i32 %22, ptr %6, align 4, !tbaa !5
  br label %23

23:                                               ; preds = %14
  %24 = load i64, ptr %7, align 8, !tbaa !13
  %25 = add i64 %24, 1
  store i64 %25, ptr %7, align 8, !tbaa !13
  br label %9, !llvm.loop !27

26:                                               ; preds = %13
  %27 = load i32, ptr %6, align 4, !tbaa !5
  call void @llvm.lifetime.end.p0(ptr %6) #5
  call void @llvm.lifetime.end.p0(ptr %5) #5
  ret i32 %27
}

; Function Attrs: minsize nounwind optsize uwtable
define internal i64 @hex_encode(ptr noundef %0, i64 noundef %1, ptr noundef %2) #0 {
  %4 = alloca ptr, align 8
  %5 = alloca i64, align 8
  %6 = alloca ptr, align 8
  %7 = alloca i64, align 8
  store ptr %0, ptr %4, align 8, !tbaa !19
  store i64 %1, ptr %5, align 8, !tbaa !13
  store ptr %2, ptr %6, align 8, !tbaa !19
  call void @llvm.lifetime.start.p0(ptr %7) #5
  store i64 0, ptr %7, align 8, !tbaa !13
  br label %8

8:                                                ; preds = %41, %3
  %9 = load i64, ptr %7, align 8, !tbaa !13
  %10 = load i64, ptr %5, align 8, !tbaa !13
  %11 = icmp ult i64 %9, %10
  br i1 %11, label %13, label %12

12:                                               ; preds = %8
  call void @llvm.lifetime.end.p0(ptr %7) #5
  br label %44

13:                                               ; preds = %8
  %14 = load ptr, ptr %4, align 8, !tbaa !19
  %15 = load i64, ptr %7, align 8, !tbaa !13
  %16 = getelementptr inbounds nuw i8, ptr %14, i64 %15
  %17 = load i8, ptr %16, align 1, !tbaa !15
  %18 = zext i8 %17 to i32
  %19 = ashr i32 %18, 4
  %20 = sext i32 %19 to i64
  %21 = getelementptr inbounds [17 x i8], ptr @hex_encode.digits, i64 0, i64 %20
  %22 = load i8, ptr %21, align 1, !tbaa !15
  %23 = load ptr, ptr %6, align 8, !tbaa !19
  %24 = load i64, ptr %7, align 8, !tbaa !13
  %25 = mul i64 2, %24
  %26 = getelementptr inbounds nuw i8, ptr %23, i64 %25
  store i8 %22, ptr %26, align 1, !tbaa !15
  %27 = load ptr, ptr %4, align 8, !tbaa !19
  %28 = load i64, ptr %7, align 8, !tbaa !13
  %29 = getelementptr inbounds nuw i8, ptr %27, i64 %28
  %30 = load i8, ptr %29, align 1, !tbaa !15
  %31 = zext i8 %30 to i32
  %32 = and i32 %31, 15
  %33 = zext i32 %32 to i64
  %34 = getelementptr inbounds nuw [17 x i8], ptr @hex_encode.digits, i64 0, i64 %33
  %35 = load i8, ptr %34, align 1, !tbaa !15
  %36 = load ptr, ptr %6, align 8, !tbaa !19
  %37 = load i64, ptr %7, align 8, !tbaa !13
  %38 = mul i64 2, %37
  %39 = add i64 %38, 1
  %40 = getelementptr inbounds nuw i8, ptr %36, i64 %39
  store i8 %35, ptr %40, align 1, !tbaa !15
  br label %41

41:                                               ; preds = %13
  %42 = load i64, ptr %7, align 8, !tbaa !13
  %43 = add i64 %42, 1
  store i64 %43, ptr %7, align 8, !tbaa !13
  br label %8, !llvm.loop !28

44:                                               ; preds = %12
  %45 = load ptr, ptr %6, align 8, !tbaa !19
  %46 = load i64, ptr %5, align 8, !tbaa !13
  %47 = mul i64 2, %46
  %48 = getelementptr inbounds nuw i8, ptr %45, i64 %47
  store i8 0, ptr %48, align 1, !tbaa !15
  %49 = load i64, ptr %5, align 8, !tbaa !13
  %50 = mul i64 2, %49
  ret i64 %50
}

; Function Attrs: minsize nounwind optsize uwtable
define internal i64 @hex_decode(ptr noundef %0, i64 noundef %1, ptr noundef %2) #0 {
  %4 = alloca i64, align 8
  %5 = alloca ptr, align 8
  %6 = alloca i64, align 8
  %7 = alloca ptr, align 8
  %8 = alloca i64, align 8
  %9 = alloca i32, align 4
  %10 = alloca i32, align 4
  %11 = alloca i32, align 4
  store ptr %0, ptr %5, align 8, !tbaa !19
  store i64 %1, ptr %6, align 8, !tbaa !13
  store ptr %2, ptr %7, align 8, !tbaa !19
  %12 = load i64, ptr %6, align 8, !tbaa !13
  %13 = and i64 %12, 1
  %14 = icmp ne i64 %13, 0
  br i1 %14, label %15, label %16

15:                                               ; preds = %3
  store i64 -1, ptr %4, align 8
  br label %61

16:                                               ; preds = %3
  call void @llvm.lifetime.start.p0(ptr %8) #5
  store i64 0, ptr %8, align 8, !tbaa !13
  br label %17

17:                                               ; preds = %53, %16
  %18 = load i64, ptr %8, align 8, !tbaa !13
  %19 = load i64, ptr %6, align 8, !tbaa !13
  %20 = icmp ult i64 %18, %19
  br i1 %20, label %22, label %21

21:                                               ; preds = %17
  store i32 2, ptr %9, align 4
  br label %56

22:                                               ; preds = %17
  call void @llvm.lifetime.start.p0(ptr %10) #5
  %23 = load ptr, ptr %5, align 8, !tbaa !19
  %24 = load i64, ptr %8, align 8, !tbaa !13
  %25 = getelementptr inbounds nuw i8, ptr %23, i64 %24
  %26 = load i8, ptr %25, align 1, !tbaa !15
  %27 = call i32 @hex_value(i8 noundef signext %26) #6
  store i32 %27, ptr %10, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %11) #5
  %28 = load ptr, ptr %5, align 8, !tbaa !19
  %29 = load i64, ptr %8, align 8, !tbaa !13
  %30 = add i64 %29, 1
  %31 = getelementptr inbounds nuw i8, ptr %28, i64 %30
  %32 = load i8, ptr %31, align 1, !tbaa !15
  %33 = call i32 @hex_value(i8 noundef signext %32) #6
  store i32 %33, ptr %11, align 4, !tbaa !5
  %34 = load i32, ptr %10, align 4, !tbaa !5
  %35 = icmp slt i32 %34, 0
  br i1 %35, label %39, label %36

36:                                               ; preds = %22
  %37 = load i32, ptr %11, align 4, !tbaa !5
  %38 = icmp slt i32 %37, 0
  br i1 %38, label %39, label %40

39:                                               ; preds = %36, %22
  store i64 -1, ptr %4, align 8
  store i32 1, ptr %9, align 4
  br label %50

40:                                               ; preds = %36
  %41 = load i32, ptr %10, align 4, !tbaa !5
  %42 = mul nsw i32 %41, 16
  %43 = load i32, ptr %11, align 4, !tbaa !5
  %44 = add nsw i32 %42, %43
  %45 = trunc i32 %44 to i8
  %46 = load ptr, ptr %7, align 8, !tbaa !19
  %47 = load i64, ptr %8, align 8, !tbaa !13
  %48 = udiv i64 %47, 2
  %49 = getelementptr inbounds nuw i8, ptr %46, i64 %48
  store i8 %45, ptr %49, align 1, !tbaa !15
  store i32 0, ptr %9, align 4
  br label %50

50:                                               ; preds = %40, %39
  call void @llvm.lifetime.end.p0(ptr %11) #5
  call void @llvm.lifetime.end.p0(ptr %10) #5
  %51 = load i32, ptr %9, align 4
  switch i32 %51, label %56 [
    i32 0, label %52
  ]

52:                                               ; preds = %50
  br label %53

53:                                               ; preds = %52
  %54 = load i64, ptr %8, align 8, !tbaa !13
  %55 = add i64 %54, 2
  store i64 %55, ptr %8, align 8, !tbaa !13
  br label %17, !llvm.loop !29

56:                                               ; preds = %50, %21
  call void @llvm.lifetime.end.p0(ptr %8) #5
  %57 = load i32, ptr %9, align 4
  switch i32 %57, label %63 [
    i32 2, label %58
    i32 1, label %61
  ]

58:                                               ; preds = %56
  %59 = load i64, ptr %6, align 8, !tbaa !13
  %60 = udiv i64 %59, 2
  store i64 %60, ptr %4, align 8
  br label %61

61:                                               ; preds = %58, %56, %15
  %62 = load i64, ptr %4, align 8
  ret i64 %62

63:                                               ; preds = %56
  unreachable
}

; Function Attrs: minsize optsize
declare i32 @printf(ptr noundef, ...) #3

; Function Attrs: minsize nounwind optsize
declare i64 @strtol(ptr noundef, ptr noundef, i32 noundef) #4

; Function Attrs: minsize nounwind optsize uwtable
define internal i32 @hex_value(i8 noundef signext %0) #0 {
  %2 = alloca i32, align 4
  %3 = alloca i8, align 1
  store i8 %0, ptr %3, align 1, !tbaa !15
  %4 = load i8, ptr %3, align 1, !tbaa !15
  %5 = sext i8 %4 to i32
  switch i32 %5, label %20 [
    i32 48, label %6
    i32 49, label %6
    i32 50, label %6
    i32 51, label %6
    i32 52, label %6
    i32 53, label %6
    i32 54, label %6
    i32 55, label %6
    i32 56, label %6
    i32 57, label %6
    i32 97, label %10
    i32 98, label %10
    i32 99, label %10
    i32 100, label %10
    i32 101, label %10
    i32 102, label %10
    i32 65, label %15
    i32 66, label %15
    i32 67, label %15
    i32 68, label %15
    i32 69, label %15
    i32 70, label %15
  ]

6:                                                ; preds = %1, %1, %1, %1, %1, %1, %1, %1, %1, %1
  %7 = load i8, ptr %3, align 1, !tbaa !15
  %8 = sext i8 %7 to i32
  %9 = sub nsw i32 %8, 48
  store i32 %9, ptr %2, align 4
  br label %21

10:                                               ; preds = %1, %1, %1, %1, %1, %1
  %11 = load i8, ptr %3, align 1, !tbaa !15
  %12 = sext i8 %11 to i32
  %13 = sub nsw i32 %12, 97
  %14 = add nsw i32 %13, 10
  store i32 %14, ptr %2, align 4
  br label %21

15:                                               ; preds = %1, %1, %1, %1, %1, %1
  %16 = load i8, ptr %3, align 1, !tbaa !15
  %17 = sext i8 %16 to i32
  %18 = sub nsw i32 %17, 65
  %19 = add nsw i32 %18, 10
  store i32 %19, ptr %2, align 4
  br label %21

20:                                               ; preds = %1
  store i32 -1, ptr %2, align 4
  br label %21

21:                                               ; preds = %20, %15, %10, %6
  %22 = load i32, ptr %2, align 4
  ret i32 %22
}

attributes #0 = { minsize nounwind optsize uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { nocallback nofree nosync nounwind willreturn memory(argmem: readwrite) }
attributes #2 = { minsize nounwind optsize willreturn memory(read) "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { minsize optsize "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #4 = { minsize nounwind optsize "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #5 = { nounwind }
attributes #6 = { minsize optsize }
attributes #7 = { minsize nounwind optsize willreturn memory(read) }
attributes #8 = { minsize nounwind optsize }

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
!10 = !{!"p2 omnipotent char", !11, i64 0}
!11 = !{!"any p2 pointer", !12, i64 0}
!12 = !{!"any pointer", !7, i64 0}
!13 = !{!14, !14, i64 0}
!14 = !{!"long", !7, i64 0}
!15 = !{!7, !7, i64 0}
!16 = distinct !{!16, !17}
!17 = !{!"llvm.loop.mustprogress"}
!18 = distinct !{!18, !17}
!19 = !{!20, !20, i64 0}
!20 = !{!"p1 omnipotent char", !12, i64 0}
!21 = distinct !{!21, !17}
!22 = distinct !{!22, !17}
!23 = distinct !{!23, !17}
!24 = distinct !{!24, !17}
!25 = distinct !{!25, !17}
!26 = !{!12, !12, i64 0}
!27 = distinct !{!27, !17}
!28 = distinct !{!28, !17}
!29 = distinct !{!29, !17}
