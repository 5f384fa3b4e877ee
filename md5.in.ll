; ModuleID = 'md5.c'
source_filename = "md5.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%struct.md5_ctx = type { i32, i32, i32, i32, [64 x i8], i64, i64 }

@main.suite = internal global [6 x ptr] [ptr @.str, ptr @.str.1, ptr @.str.2, ptr @.str.3, ptr @.str.4, ptr @.str.5], align 16
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
@to_hex.hex = internal constant [17 x i8] c"0123456789abcdef\00", align 16
@T = internal constant [64 x i32] [i32 -680876936, i32 -389564586, i32 606105819, i32 -1044525330, i32 -176418897, i32 1200080426, i32 -1473231341, i32 -45705983, i32 1770035416, i32 -1958414417, i32 -42063, i32 -1990404162, i32 1804603682, i32 -40341101, i32 -1502002290, i32 1236535329, i32 -165796510, i32 -1069501632, i32 643717713, i32 -373897302, i32 -701558691, i32 38016083, i32 -660478335, i32 -405537848, i32 568446438, i32 -1019803690, i32 -187363961, i32 1163531501, i32 -1444681467, i32 -51403784, i32 1735328473, i32 -1926607734, i32 -378558, i32 -2022574463, i32 1839030562, i32 -35309556, i32 -1530992060, i32 1272893353, i32 -155497632, i32 -1094730640, i32 681279174, i32 -358537222, i32 -722521979, i32 76029189, i32 -640364487, i32 -421815835, i32 530742520, i32 -995338651, i32 -198630844, i32 1126891415, i32 -1416354905, i32 -57434055, i32 1700485571, i32 -1894986606, i32 -1051523, i32 -2054922799, i32 1873313359, i32 -30611744, i32 -1560198380, i32 1309151649, i32 -145523070, i32 -1120210379, i32 718787259, i32 -343485551], align 16
@SHIFTS = internal constant [4 x [4 x i32]] [[4 x i32] [i32 7, i32 12, i32 17, i32 22], [4 x i32] [i32 5, i32 9, i32 14, i32 20], [4 x i32] [i32 4, i32 11, i32 16, i32 23], [4 x i32] [i32 6, i32 10, i32 15, i32 21]], align 16

; Function Attrs: minsize nounwind optsize uwtable
define dso_local i32 @main(i32 noundef %0, ptr noundef %1) #0 {
  %3 = alloca i32, align 4
  %4 = alloca i32, align 4
  %5 = alloca ptr, align 8
  %6 = alloca i32, align 4
  %7 = alloca [16 x i8], align 16
  %8 = alloca [33 x i8], align 16
  %9 = alloca i64, align 8
  %10 = alloca i64, align 8
  %11 = alloca i32, align 4
  %12 = alloca i64, align 8
  %13 = alloca i32, align 4
  %14 = alloca %struct.md5_ctx, align 8
  %15 = alloca i64, align 8
  %16 = alloca i32, align 4
  %17 = alloca i32, align 4
  store i32 0, ptr %3, align 4
  store i32 %0, ptr %4, align 4, !tbaa !5
  store ptr %1, ptr %5, align 8, !tbaa !9
  call void @llvm.lifetime.start.p0(ptr %6) #7
  %18 = load i32, ptr %4, align 4, !tbaa !5
  %19 = load ptr, ptr %5, align 8, !tbaa !9
  %20 = call i64 @parse_arg(i32 noundef %18, ptr noundef %19, i64 noundef 200, i64 noundef 1, i64 noundef 100000) #8
  %21 = trunc i64 %20 to i32
  store i32 %21, ptr %6, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %7) #7
  call void @llvm.lifetime.start.p0(ptr %8) #7
  call void @llvm.lifetime.start.p0(ptr %9) #7
  store i64 0, ptr %9, align 8, !tbaa !13
  br label %22

22:                                               ; preds = %42, %2
  %23 = load i64, ptr %9, align 8, !tbaa !13
  %24 = icmp ult i64 %23, 6
  br i1 %24, label %26, label %25

25:                                               ; preds = %22
  call void @llvm.lifetime.end.p0(ptr %9) #7
  br label %45

26:                                               ; preds = %22
  %27 = load i64, ptr %9, align 8, !tbaa !13
  %28 = getelementptr inbounds nuw [6 x ptr], ptr @main.suite, i64 0, i64 %27
  %29 = load ptr, ptr %28, align 8, !tbaa !15
  %30 = load i64, ptr %9, align 8, !tbaa !13
  %31 = getelementptr inbounds nuw [6 x ptr], ptr @main.suite, i64 0, i64 %30
  %32 = load ptr, ptr %31, align 8, !tbaa !15
  %33 = call i64 @strlen(ptr noundef %32) #9
  %34 = getelementptr inbounds [16 x i8], ptr %7, i64 0, i64 0
  call void @md5(ptr noundef %29, i64 noundef %33, ptr noundef %34) #8
  %35 = getelementptr inbounds [16 x i8], ptr %7, i64 0, i64 0
  %36 = getelementptr inbounds [33 x i8], ptr %8, i64 0, i64 0
  call void @to_hex(ptr noundef %35, ptr noundef %36) #8
  %37 = load i64, ptr %9, align 8, !tbaa !13
  %38 = getelementptr inbounds nuw [6 x ptr], ptr @main.suite, i64 0, i64 %37
  %39 = load ptr, ptr %38, align 8, !tbaa !15
  %40 = getelementptr inbounds [33 x i8], ptr %8, i64 0, i64 0
  %41 = call i32 (ptr, ...) @printf(ptr noundef @.str.6, ptr noundef %39, ptr noundef %40) #8
  br label %42

42:                                               ; preds = %26
  %43 = load i64, ptr %9, align 8, !tbaa !13
  %44 = add i64 %43, 1
  store i64 %44, ptr %9, align 8, !tbaa !13
  br label %22, !llvm.loop !17

45:                                               ; preds = %25
  call void @llvm.lifetime.start.p0(ptr %10) #7
  %46 = load i32, ptr %6, align 4, !tbaa !5
  %47 = sext i32 %46 to i64
  %48 = urem i64 %47, 300
  %49 = add i64 100, %48
  store i64 %49, ptr %10, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %11) #7
  %50 = load i32, ptr %6, align 4, !tbaa !5
  %51 = add i32 981, %50
  store i32 %51, ptr %11, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %12) #7
  store i64 0, ptr %12, align 8, !tbaa !13
  br label %52

52:                                               ; preds = %67, %45
  %53 = load i64, ptr %12, align 8, !tbaa !13
  %54 = load i64, ptr %10, align 8, !tbaa !13
  %55 = icmp ult i64 %53, %54
  br i1 %55, label %57, label %56

56:                                               ; preds = %52
  call void @llvm.lifetime.end.p0(ptr %12) #7
  br label %70

57:                                               ; preds = %52
  %58 = load i32, ptr %11, align 4, !tbaa !5
  %59 = mul i32 %58, 1103515245
  %60 = add i32 %59, 12345
  store i32 %60, ptr %11, align 4, !tbaa !5
  %61 = load i32, ptr %11, align 4, !tbaa !5
  %62 = lshr i32 %61, 16
  %63 = trunc i32 %62 to i8
  %64 = load i64, ptr %12, align 8, !tbaa !13
  %65 = add i64 32, %64
  %66 = getelementptr inbounds nuw [1048576 x i8], ptr @message, i64 0, i64 %65
  store i8 %63, ptr %66, align 1, !tbaa !19
  br label %67

67:                                               ; preds = %57
  %68 = load i64, ptr %12, align 8, !tbaa !13
  %69 = add i64 %68, 1
  store i64 %69, ptr %12, align 8, !tbaa !13
  br label %52, !llvm.loop !20

70:                                               ; preds = %56
  %71 = getelementptr inbounds [16 x i8], ptr %7, i64 0, i64 0
  %72 = getelementptr inbounds [33 x i8], ptr %8, i64 0, i64 0
  call void @to_hex(ptr noundef %71, ptr noundef %72) #8
  call void @llvm.lifetime.start.p0(ptr %13) #7
  store i32 0, ptr %13, align 4, !tbaa !5
  br label %73

73:                                               ; preds = %95, %70
  %74 = load i32, ptr %13, align 4, !tbaa !5
  %75 = load i32, ptr %6, align 4, !tbaa !5
  %76 = icmp slt i32 %74, %75
  br i1 %76, label %78, label %77

77:                                               ; preds = %73
  call void @llvm.lifetime.end.p0(ptr %13) #7
  br label %98

78:                                               ; preds = %73
  %79 = getelementptr inbounds [33 x i8], ptr %8, i64 0, i64 0
  call void @llvm.memcpy.p0.p0.i64(ptr align 16 @message, ptr align 16 %79, i64 32, i1 false)
  call void @llvm.lifetime.start.p0(ptr %14) #7
  call void @md5_init(ptr noundef %14) #8
  call void @llvm.lifetime.start.p0(ptr %15) #7
  %80 = load i32, ptr %13, align 4, !tbaa !5
  %81 = sext i32 %80 to i64
  %82 = load i64, ptr %10, align 8, !tbaa !13
  %83 = add i64 32, %82
  %84 = urem i64 %81, %83
  store i64 %84, ptr %15, align 8, !tbaa !13
  %85 = load i64, ptr %15, align 8, !tbaa !13
  call void @md5_update(ptr noundef %14, ptr noundef @message, i64 noundef %85) #8
  %86 = load i64, ptr %15, align 8, !tbaa !13
  %87 = getelementptr inbounds nuw i8, ptr @message, i64 %86
  %88 = load i64, ptr %10, align 8, !tbaa !13
  %89 = add i64 32, %88
  %90 = load i64, ptr %15, align 8, !tbaa !13
  %91 = sub i64 %89, %90
  call void @md5_update(ptr noundef %14, ptr noundef %87, i64 noundef %91) #8
  %92 = getelementptr inbounds [16 x i8], ptr %7, i64 0, i64 0
  call void @md5_final(ptr noundef %14, ptr noundef %92) #8
  %93 = getelementptr inbounds [16 x i8], ptr %7, i64 0, i64 0
  %94 = getelementptr inbounds [33 x i8], ptr %8, i64 0, i64 0
  call void @to_hex(ptr noundef %93, ptr noundef %94) #8
  call void @llvm.lifetime.end.p0(ptr %15) #7
  call void @llvm.lifetime.end.p0(ptr %14) #7
  br label %95

95:                                               ; preds = %78
  %96 = load i32, ptr %13, align 4, !tbaa !5
  %97 = add nsw i32 %96, 1
  store i32 %97, ptr %13, align 4, !tbaa !5
  br label %73, !llvm.loop !21

98:                                               ; preds = %77
  %99 = load i32, ptr %6, align 4, !tbaa !5
  %100 = getelementptr inbounds [33 x i8], ptr %8, i64 0, i64 0
  %101 = call i32 (ptr, ...) @printf(ptr noundef @.str.7, i32 noundef %99, ptr noundef %100) #8
  call void @llvm.lifetime.start.p0(ptr %16) #7
  store i32 0, ptr %16, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %17) #7
  store i32 0, ptr %17, align 4, !tbaa !5
  br label %102

102:                                              ; preds = %115, %98
  %103 = load i32, ptr %17, align 4, !tbaa !5
  %104 = icmp slt i32 %103, 16
  br i1 %104, label %106, label %105

105:                                              ; preds = %102
  call void @llvm.lifetime.end.p0(ptr %17) #7
  br label %118

106:                                              ; preds = %102
  %107 = load i32, ptr %16, align 4, !tbaa !5
  %108 = mul i32 %107, 131
  %109 = load i32, ptr %17, align 4, !tbaa !5
  %110 = sext i32 %109 to i64
  %111 = getelementptr inbounds [16 x i8], ptr %7, i64 0, i64 %110
  %112 = load i8, ptr %111, align 1, !tbaa !19
  %113 = zext i8 %112 to i32
  %114 = add i32 %108, %113
  store i32 %114, ptr %16, align 4, !tbaa !5
  br label %115

115:                                              ; preds = %106
  %116 = load i32, ptr %17, align 4, !tbaa !5
  %117 = add nsw i32 %116, 1
  store i32 %117, ptr %17, align 4, !tbaa !5
  br label %102, !llvm.loop !22

118:                                              ; preds = %105
  %119 = load i32, ptr %16, align 4, !tbaa !5
  %120 = call i32 (ptr, ...) @printf(ptr noundef @.str.8, i32 noundef %119) #8
  call void @llvm.lifetime.end.p0(ptr %16) #7
  call void @llvm.lifetime.end.p0(ptr %11) #7
  call void @llvm.lifetime.end.p0(ptr %10) #7
  call void @llvm.lifetime.end.p0(ptr %8) #7
  call void @llvm.lifetime.end.p0(ptr %7) #7
  call void @llvm.lifetime.end.p0(ptr %6) #7
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
  call void @llvm.lifetime.start.p0(ptr %11) #7
  %14 = load i64, ptr %8, align 8, !tbaa !13
  store i64 %14, ptr %11, align 8, !tbaa !13
  %15 = load i32, ptr %6, align 4, !tbaa !5
  %16 = icmp sgt i32 %15, 1
  br i1 %16, label %17, label %30

17:                                               ; preds = %5
  call void @llvm.lifetime.start.p0(ptr %12) #7
  call void @llvm.lifetime.start.p0(ptr %13) #7
  %18 = load ptr, ptr %7, align 8, !tbaa !9
  %19 = getelementptr inbounds ptr, ptr %18, i64 1
  %20 = load ptr, ptr %19, align 8, !tbaa !15
  %21 = call i64 @strtol(ptr noundef %20, ptr noundef %12, i32 noundef 10) #10
  store i64 %21, ptr %13, align 8, !tbaa !13
  %22 = load ptr, ptr %12, align 8, !tbaa !15
  %23 = load ptr, ptr %7, align 8, !tbaa !9
  %24 = getelementptr inbounds ptr, ptr %23, i64 1
  %25 = load ptr, ptr %24, align 8, !tbaa !15
  %26 = icmp ne ptr %22, %25
  br i1 %26, label %27, label %29

27:                                               ; preds = %17
  %28 = load i64, ptr %13, align 8, !tbaa !13
  store i64 %28, ptr %11, align 8, !tbaa !13
  br label %29

29:                                               ; preds = %27, %17
  call void @llvm.lifetime.end.p0(ptr %13) #7
  call void @llvm.lifetime.end.p0(ptr %12) #7
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
  call void @llvm.lifetime.end.p0(ptr %11) #7
  ret i64 %43
}

; Function Attrs: minsize nounwind optsize uwtable
define internal void @md5(ptr noundef %0, i64 noundef %1, ptr noundef %2) #0 {
  %4 = alloca ptr, align 8
  %5 = alloca i64, align 8
  %6 = alloca ptr, align 8
  %7 = alloca %struct.md5_ctx, align 8
  store ptr %0, ptr %4, align 8, !tbaa !15
  store i64 %1, ptr %5, align 8, !tbaa !13
  store ptr %2, ptr %6, align 8, !tbaa !15
  call void @llvm.lifetime.start.p0(ptr %7) #7
  call void @md5_init(ptr noundef %7) #8
  %8 = load ptr, ptr %4, align 8, !tbaa !15
  %9 = load i64, ptr %5, align 8, !tbaa !13
  call void @md5_update(ptr noundef %7, ptr noundef %8, i64 noundef %9) #8
  %10 = load ptr, ptr %6, align 8, !tbaa !15
  call void @md5_final(ptr noundef %7, ptr noundef %10) #8
  call void @llvm.lifetime.end.p0(ptr %7) #7
  ret void
}

; Function Attrs: minsize nounwind optsize willreturn memory(read)
declare i64 @strlen(ptr noundef) #2

; Function Attrs: minsize nounwind optsize uwtable
define internal void @to_hex(ptr noundef %0, ptr noundef %1) #0 {
  %3 = alloca ptr, align 8
  %4 = alloca ptr, align 8
  %5 = alloca i32, align 4
  store ptr %0, ptr %3, align 8, !tbaa !15
  store ptr %1, ptr %4, align 8, !tbaa !15
  call void @llvm.lifetime.start.p0(ptr %5) #7
  store i32 0, ptr %5, align 4, !tbaa !5
  br label %6

6:                                                ; preds = %42, %2
  %7 = load i32, ptr %5, align 4, !tbaa !5
  %8 = icmp slt i32 %7, 16
  br i1 %8, label %10, label %9

9:                                                ; preds = %6
  call void @llvm.lifetime.end.p0(ptr %5) #7
  br label %45

10:                                               ; preds = %6
  %11 = load ptr, ptr %3, align 8, !tbaa !15
  %12 = load i32, ptr %5, align 4, !tbaa !5
  %13 = sext i32 %12 to i64
  %14 = getelementptr inbounds i8, ptr %11, i64 %13
  %15 = load i8, ptr %14, align 1, !tbaa !19
  %16 = zext i8 %15 to i32
  %17 = ashr i32 %16, 4
  %18 = sext i32 %17 to i64
  %19 = getelementptr inbounds [17 x i8], ptr @to_hex.hex, i64 0, i64 %18
  %20 = load i8, ptr %19, align 1, !tbaa !19
  %21 = load ptr, ptr %4, align 8, !tbaa !15
  %22 = load i32, ptr %5, align 4, !tbaa !5
  %23 = mul nsw i32 2, %22
  %24 = sext i32 %23 to i64
  %25 = getelementptr inbounds i8, ptr %21, i64 %24
  store i8 %20, ptr %25, align 1, !tbaa !19
  %26 = load ptr, ptr %3, align 8, !tbaa !15
  %27 = load i32, ptr %5, align 4, !tbaa !5
  %28 = sext i32 %27 to i64
  %29 = getelementptr inbounds i8, ptr %26, i64 %28
  %30 = load i8, ptr %29, align 1, !tbaa !19
  %31 = zext i8 %30 to i32
  %32 = and i32 %31, 15
  %33 = zext i32 %32 to i64
  %34 = getelementptr inbounds nuw [17 x i8], ptr @to_hex.hex, i64 0, i64 %33
  %35 = load i8, ptr %34, align 1, !tbaa !19
  %36 = load ptr, ptr %4, align 8, !tbaa !15
  %37 = load i32, ptr %5, align 4, !tbaa !5
  %38 = mul nsw i32 2, %37
  %39 = add nsw i32 %38, 1
  %40 = sext i32 %39 to i64
  %41 = getelementptr inbounds i8, ptr %36, i64 %40
  store i8 %35, ptr %41, align 1, !tbaa !19
  br label %42

42:                                               ; preds = %10
  %43 = load i32, ptr %5, align 4, !tbaa !5
  %44 = add nsw i32 %43, 1
  store i32 %44, ptr %5, align 4, !tbaa !5
  br label %6, !llvm.loop !23

45:                                               ; preds = %9
  %46 = load ptr, ptr %4, align 8, !tbaa !15
  %47 = getelementptr inbounds i8, ptr %46, i64 32
  store i8 0, ptr %47, align 1, !tbaa !19
  ret void
}

; Function Attrs: minsize optsize
declare i32 @printf(ptr noundef, ...) #3

; Function Attrs: nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.end.p0(ptr captures(none)) #1

; Function Attrs: nocallback nofree nounwind willreturn memory(argmem: readwrite)
declare void @llvm.memcpy.p0.p0.i64(ptr noalias writeonly captures(none), ptr noalias readonly captures(none), i64, i1 immarg) #4

; Function Attrs: minsize nounwind optsize uwtable
define internal void @md5_init(ptr noundef %0) #0 {
  %2 = alloca ptr, align 8
  store ptr %0, ptr %2, align 8, !tbaa !24
  %3 = load ptr, ptr %2, align 8, !tbaa !24
  %4 = getelementptr inbounds nuw %struct.md5_ctx, ptr %3, i32 0, i32 0
  store i32 1732584193, ptr %4, align 8, !tbaa !25
  %5 = load ptr, ptr %2, align 8, !tbaa !24
  %6 = getelementptr inbounds nuw %struct.md5_ctx, ptr %5, i32 0, i32 1
  store i32 -271733879, ptr %6, align 4, !tbaa !27
  %7 = load ptr, ptr %2, align 8, !tbaa !24
  %8 = getelementptr inbounds nuw %struct.md5_ctx, ptr %7, i32 0, i32 2
  store i32 -1732584194, ptr %8, align 8, !tbaa !28
  %9 = load ptr, ptr %2, align 8, !tbaa !24
  %10 = getelementptr inbounds nuw %struct.md5_ctx, ptr %9, i32 0, i32 3
  store i32 271733878, ptr %10, align 4, !tbaa !29
  %11 = load ptr, ptr %2, align 8, !tbaa !24
  %12 = getelementptr inbounds nuw %struct.md5_ctx, ptr %11, i32 0, i32 5
  store i64 0, ptr %12, align 8, !tbaa !30
  %13 = load ptr, ptr %2, align 8, !tbaa !24
  %14 = getelementptr inbounds nuw %struct.md5_ctx, ptr %13, i32 0, i32 6
  store i64 0, ptr %14, align 8, !tbaa !31
  ret void
}

; Function Attrs: minsize nounwind optsize uwtable
define internal void @md5_update(ptr noundef %0, ptr noundef %1, i64 noundef %2) #0 {
  %4 = alloca ptr, align 8
  %5 = alloca ptr, align 8
  %6 = alloca i64, align 8
  %7 = alloca i64, align 8
  store ptr %0, ptr %4, align 8, !tbaa !24
  store ptr %1, ptr %5, align 8, !tbaa !15
  store i64 %2, ptr %6, align 8, !tbaa !13
  %8 = load i64, ptr %6, align 8, !tbaa !13
  %9 = load ptr, ptr %4, align 8, !tbaa !24
  %10 = getelementptr inbounds nuw %struct.md5_ctx, ptr %9, i32 0, i32 6
  %11 = load i64, ptr %10, align 8, !tbaa !31
  %12 = add i64 %11, %8
  store i64 %12, ptr %10, align 8, !tbaa !31
  br label %13

13:                                               ; preds = %78, %24, %3
  %14 = load i64, ptr %6, align 8, !tbaa !13
  %15 = icmp ugt i64 %14, 0
  br i1 %15, label %16, label %79

16:                                               ; preds = %13
  %17 = load ptr, ptr %4, align 8, !tbaa !24
  %18 = getelementptr inbounds nuw %struct.md5_ctx, ptr %17, i32 0, i32 5
  %19 = load i64, ptr %18, align 8, !tbaa !30
  %20 = icmp eq i64 %19, 0
  br i1 %20, label %21, label %31

21:                                               ; preds = %16
  %22 = load i64, ptr %6, align 8, !tbaa !13
  %23 = icmp uge i64 %22, 64
  br i1 %23, label %24, label %31

24:                                               ; preds = %21
  %25 = load ptr, ptr %4, align 8, !tbaa !24
  %26 = load ptr, ptr %5, align 8, !tbaa !15
  call void @md5_block(ptr noundef %25, ptr noundef %26) #8
  %27 = load ptr, ptr %5, align 8, !tbaa !15
  %28 = getelementptr inbounds i8, ptr %27, i64 64
  store ptr %28, ptr %5, align 8, !tbaa !15
  %29 = load i64, ptr %6, align 8, !tbaa !13
  %30 = sub i64 %29, 64
  store i64 %30, ptr %6, align 8, !tbaa !13
  br label %13, !llvm.loop !32

31:                                               ; preds = %21, %16
  call void @llvm.lifetime.start.p0(ptr %7) #7
  %32 = load ptr, ptr %4, align 8, !tbaa !24
  %33 = getelementptr inbounds nuw %struct.md5_ctx, ptr %32, i32 0, i32 5
  %34 = load i64, ptr %33, align 8, !tbaa !30
  %35 = sub i64 64, %34
  %36 = load i64, ptr %6, align 8, !tbaa !13
  %37 = icmp ult i64 %35, %36
  br i1 %37, label %38, label %43

38:                                               ; preds = %31
  %39 = load ptr, ptr %4, align 8, !tbaa !24
  %40 = getelementptr inbounds nuw %struct.md5_ctx, ptr %39, i32 0, i32 5
  %41 = load i64, ptr %40, align 8, !tbaa !30
  %42 = sub i64 64, %41
  br label %45

43:                                               ; preds = %31
  %44 = load i64, ptr %6, align 8, !tbaa !13
  br label %45

45:                                               ; preds = %43, %38
  %46 = phi i64 [ %42, %38 ], [ %44, %43 ]
  store i64 %46, ptr %7, align 8, !tbaa !13
  %47 = load ptr, ptr %4, align 8, !tbaa !24
  %48 = getelementptr inbounds nuw %struct.md5_ctx, ptr %47, i32 0, i32 4
  %49 = getelementptr inbounds [64 x i8], ptr %48, i64 0, i64 0
  %50 = load ptr, ptr %4, align 8, !tbaa !24
  %51 = getelementptr inbounds nuw %struct.md5_ctx, ptr %50, i32 0, i32 5
  %52 = load i64, ptr %51, align 8, !tbaa !30
  %53 = getelementptr inbounds nuw i8, ptr %49, i64 %52
  %54 = load ptr, ptr %5, align 8, !tbaa !15
  %55 = load i64, ptr %7, align 8, !tbaa !13
  call void @llvm.memcpy.p0.p0.i64(ptr align 1 %53, ptr align 1 %54, i64 %55, i1 false)
  %56 = load i64, ptr %7, align 8, !tbaa !13
  %57 = load ptr, ptr %4, align 8, !tbaa !24
  %58 = getelementptr inbounds nuw %struct.md5_ctx, ptr %57, i32 0, i32 5
  %59 = load i64, ptr %58, align 8, !tbaa !30
  %60 = add i64 %59, %56
  store i64 %60, ptr %58, align 8, !tbaa !30
  %61 = load i64, ptr %7, align 8, !tbaa !13
  %62 = load ptr, ptr %5, align 8, !tbaa !15
  %63 = getelementptr inbounds nuw i8, ptr %62, i64 %61
  store ptr %63, ptr %5, align 8, !tbaa !15
  %64 = load i64, ptr %7, align 8, !tbaa !13
  %65 = load i64, ptr %6, align 8, !tbaa !13
  %66 = sub i64 %65, %64
  store i64 %66, ptr %6, align 8, !tbaa !13
  %67 = load ptr, ptr %4, align 8, !tbaa !24
  %68 = getelementptr inbounds nuw %struct.md5_ctx, ptr %67, i32 0, i32 5
  %69 = load i64, ptr %68, align 8, !tbaa !30
  %70 = icmp eq i64 %69, 64
  br i1 %70, label %71, label %78

71:                                               ; preds = %45
  %72 = load ptr, ptr %4, align 8, !tbaa !24
  %73 = load ptr, ptr %4, align 8, !tbaa !24
  %74 = getelementptr inbounds nuw %struct.md5_ctx, ptr %73, i32 0, i32 4
  %75 = getelementptr inbounds [64 x i8], ptr %74, i64 0, i64 0
  call void @md5_block(ptr noundef %72, ptr noundef %75) #8
  %76 = load ptr, ptr %4, align 8, !tbaa !24
  %77 = getelementptr inbounds nuw %struct.md5_ctx, ptr %76, i32 0, i32 5
  store i64 0, ptr %77, align 8, !tbaa !30
  br label %78

78:                                               ; preds = %71, %45
  call void @llvm.lifetime.end.p0(ptr %7) #7
  br label %13, !llvm.loop !32

79:                                               ; preds = %13
  ret void
}

; Function Attrs: minsize nounwind optsize uwtable
define internal void @md5_final(ptr noundef %0, ptr noundef %1) #0 {
  %3 = alloca ptr, align 8
  %4 = alloca ptr, align 8
  %5 = alloca i64, align 8
  %6 = alloca [72 x i8], align 16
  %7 = alloca i64, align 8
  %8 = alloca [8 x i8], align 1
  %9 = alloca i32, align 4
  %10 = alloca [4 x i32], align 16
  %11 = alloca i32, align 4
  %12 = alloca i32, align 4
  %13 = alloca i32, align 4
  store ptr %0, ptr %3, align 8, !tbaa !24
  store ptr %1, ptr %4, align 8, !tbaa !15
  call void @llvm.lifetime.start.p0(ptr %5) #7
  %14 = load ptr, ptr %3, align 8, !tbaa !24
  %15 = getelementptr inbounds nuw %struct.md5_ctx, ptr %14, i32 0, i32 6
  %16 = load i64, ptr %15, align 8, !tbaa !31
  %17 = mul i64 %16, 8
  store i64 %17, ptr %5, align 8, !tbaa !13
  call void @llvm.lifetime.start.p0(ptr %6) #7
  call void @llvm.memset.p0.i64(ptr align 16 %6, i8 0, i64 72, i1 false)
  %18 = getelementptr inbounds <{ i8, [71 x i8] }>, ptr %6, i32 0, i32 0
  store i8 -128, ptr %18, align 16
  call void @llvm.lifetime.start.p0(ptr %7) #7
  %19 = load ptr, ptr %3, align 8, !tbaa !24
  %20 = getelementptr inbounds nuw %struct.md5_ctx, ptr %19, i32 0, i32 5
  %21 = load i64, ptr %20, align 8, !tbaa !30
  %22 = icmp ult i64 %21, 56
  br i1 %22, label %23, label %28

23:                                               ; preds = %2
  %24 = load ptr, ptr %3, align 8, !tbaa !24
  %25 = getelementptr inbounds nuw %struct.md5_ctx, ptr %24, i32 0, i32 5
  %26 = load i64, ptr %25, align 8, !tbaa !30
  %27 = sub i64 56, %26
  br label %33

28:                                               ; preds = %2
  %29 = load ptr, ptr %3, align 8, !tbaa !24
  %30 = getelementptr inbounds nuw %struct.md5_ctx, ptr %29, i32 0, i32 5
  %31 = load i64, ptr %30, align 8, !tbaa !30
  %32 = sub i64 120, %31
  br label %33

33:                                               ; preds = %28, %23
  %34 = phi i64 [ %27, %23 ], [ %32, %28 ]
  store i64 %34, ptr %7, align 8, !tbaa !13
  %35 = load ptr, ptr %3, align 8, !tbaa !24
  %36 = getelementptr inbounds [72 x i8], ptr %6, i64 0, i64 0
  %37 = load i64, ptr %7, align 8, !tbaa !13
  call void @md5_update(ptr noundef %35, ptr noundef %36, i64 noundef %37) #8
  call void @llvm.lifetime.start.p0(ptr %8) #7
  call void @llvm.lifetime.start.p0(ptr %9) #7
  store i32 0, ptr %9, align 4, !tbaa !5
  br label %38

38:                                               ; preds = %52, %33
  %39 = load i32, ptr %9, align 4, !tbaa !5
  %40 = icmp slt i32 %39, 8
  br i1 %40, label %42, label %41

41:                                               ; preds = %38
  call void @llvm.lifetime.end.p0(ptr %9) #7
  br label %55

42:                                               ; preds = %38
  %43 = load i64, ptr %5, align 8, !tbaa !13
  %44 = load i32, ptr %9, align 4, !tbaa !5
  %45 = mul nsw i32 8, %44
  %46 = zext i32 %45 to i64
  %47 = lshr i64 %43, %46
  %48 = trunc i64 %47 to i8
  %49 = load i32, ptr %9, align 4, !tbaa !5
  %50 = sext i32 %49 to i64
  %51 = getelementptr inbounds [8 x i8], ptr %8, i64 0, i64 %50
  store i8 %48, ptr %51, align 1, !tbaa !19
  br label %52

52:                                               ; preds = %42
  %53 = load i32, ptr %9, align 4, !tbaa !5
  %54 = add nsw i32 %53, 1
  store i32 %54, ptr %9, align 4, !tbaa !5
  br label %38, !llvm.loop !33

55:                                               ; preds = %41
  %56 = load ptr, ptr %3, align 8, !tbaa !24
  %57 = getelementptr inbounds [8 x i8], ptr %8, i64 0, i64 0
  call void @md5_update(ptr noundef %56, ptr noundef %57, i64 noundef 8) #8
  call void @llvm.lifetime.start.p0(ptr %10) #7
  %58 = load ptr, ptr %3, align 8, !tbaa !24
  %59 = getelementptr inbounds nuw %struct.md5_ctx, ptr %58, i32 0, i32 0
  %60 = load i32, ptr %59, align 8, !tbaa !25
  store i32 %60, ptr %10, align 4, !tbaa !5
  %61 = getelementptr inbounds i32, ptr %10, i64 1
  %62 = load ptr, ptr %3, align 8, !tbaa !24
  %63 = getelementptr inbounds nuw %struct.md5_ctx, ptr %62, i32 0, i32 1
  %64 = load i32, ptr %63, align 4, !tbaa !27
  store i32 %64, ptr %61, align 4, !tbaa !5
  %65 = getelementptr inbounds i32, ptr %10, i64 2
  %66 = load ptr, ptr %3, align 8, !tbaa !24
  %67 = getelementptr inbounds nuw %struct.md5_ctx, ptr %66, i32 0, i32 2
  %68 = load i32, ptr %67, align 8, !tbaa !28
  store i32 %68, ptr %65, align 4, !tbaa !5
  %69 = getelementptr inbounds i32, ptr %10, i64 3
  %70 = load ptr, ptr %3, align 8, !tbaa !24
  %71 = getelementptr inbounds nuw %struct.md5_ctx, ptr %70, i32 0, i32 3
  %72 = load i32, ptr %71, align 4, !tbaa !29
  store i32 %72, ptr %69, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %11) #7
  store i32 0, ptr %11, align 4, !tbaa !5
  br label %73

73:                                               ; preds = %102, %55
  %74 = load i32, ptr %11, align 4, !tbaa !5
  %75 = icmp slt i32 %74, 4
  br i1 %75, label %77, label %76

76:                                               ; preds = %73
  store i32 5, ptr %12, align 4
  call void @llvm.lifetime.end.p0(ptr %11) #7
  br label %105

77:                                               ; preds = %73
  call void @llvm.lifetime.start.p0(ptr %13) #7
  store i32 0, ptr %13, align 4, !tbaa !5
  br label %78

78:                                               ; preds = %98, %77
  %79 = load i32, ptr %13, align 4, !tbaa !5
  %80 = icmp slt i32 %79, 4
  br i1 %80, label %82, label %81

81:                                               ; preds = %78
  store i32 8, ptr %12, align 4
  call void @llvm.lifetime.end.p0(ptr %13) #7
  br label %101

82:                                               ; preds = %78
  %83 = load i32, ptr %11, align 4, !tbaa !5
  %84 = sext i32 %83 to i64
  %85 = getelementptr inbounds [4 x i32], ptr %10, i64 0, i64 %84
  %86 = load i32, ptr %85, align 4, !tbaa !5
  %87 = load i32, ptr %13, align 4, !tbaa !5
  %88 = mul nsw i32 8, %87
  %89 = lshr i32 %86, %88
  %90 = trunc i32 %89 to i8
  %91 = load ptr, ptr %4, align 8, !tbaa !15
  %92 = load i32, ptr %11, align 4, !tbaa !5
  %93 = mul nsw i32 4, %92
  %94 = load i32, ptr %13, align 4, !tbaa !5
  %95 = add nsw i32 %93, %94
  %96 = sext i32 %95 to i64
  %97 = getelementptr inbounds i8, ptr %91, i64 %96
  store i8 %90, ptr %97, align 1, !tbaa !19
  br label %98

98:                                               ; preds = %82
  %99 = load i32, ptr %13, align 4, !tbaa !5
  %100 = add nsw i32 %99, 1
  store i32 %100, ptr %13, align 4, !tbaa !5
  br label %78, !llvm.loop !34

101:                                              ; preds = %81
  br label %102

102:                                              ; preds = %101
  %103 = load i32, ptr %11, align 4, !tbaa !5
  %104 = add nsw i32 %103, 1
  store i32 %104, ptr %11, align 4, !tbaa !5
  br label %73, !llvm.loop !35

105:                                              ; preds = %76
  call void @llvm.lifetime.end.p0(ptr %10) #7
  call void @llvm.lifetime.end.p0(ptr %8) #7
  call void @llvm.lifetime.end.p0(ptr %7) #7
  call void @llvm.lifetime.end.p0(ptr %6) #7
  call void @llvm.lifetime.end.p0(ptr %5) #7
  ret void
}

; Function Attrs: minsize nounwind optsize
declare i64 @strtol(ptr noundef, ptr noundef, i32 noundef) #5

; Function Attrs: minsize nounwind optsize uwtable
define internal void @md5_block(ptr noundef %0, ptr noundef %1) #0 {
  %3 = alloca ptr, align 8
  %4 = alloca ptr, align 8
  %5 = alloca [16 x i32], align 16
  %6 = alloca i32, align 4
  %7 = alloca i32, align 4
  %8 = alloca i32, align 4
  %9 = alloca i32, align 4
  %10 = alloca i32, align 4
  %11 = alloca i32, align 4
  %12 = alloca i32, align 4
  %13 = alloca i32, align 4
  %14 = alloca i32, align 4
  store ptr %0, ptr %3, align 8, !tbaa !24
  store ptr %1, ptr %4, align 8, !tbaa !15
  call void @llvm.lifetime.start.p0(ptr %5) #7
  call void @llvm.lifetime.start.p0(ptr %6) #7
  store i32 0, ptr %6, align 4, !tbaa !5
  br label %15

15:                                               ; preds = %60, %2
  %16 = load i32, ptr %6, align 4, !tbaa !5
  %17 = icmp slt i32 %16, 16
  br i1 %17, label %19, label %18

18:                                               ; preds = %15
  call void @llvm.lifetime.end.p0(ptr %6) #7
  br label %63

19:                                               ; preds = %15
  %20 = load ptr, ptr %4, align 8, !tbaa !15
  %21 = load i32, ptr %6, align 4, !tbaa !5
  %22 = mul nsw i32 4, %21
  %23 = sext i32 %22 to i64
  %24 = getelementptr inbounds i8, ptr %20, i64 %23
  %25 = load i8, ptr %24, align 1, !tbaa !19
  %26 = zext i8 %25 to i32
  %27 = load ptr, ptr %4, align 8, !tbaa !15
  %28 = load i32, ptr %6, align 4, !tbaa !5
  %29 = mul nsw i32 4, %28
  %30 = add nsw i32 %29, 1
  %31 = sext i32 %30 to i64
  %32 = getelementptr inbounds i8, ptr %27, i64 %31
  %33 = load i8, ptr %32, align 1, !tbaa !19
  %34 = zext i8 %33 to i32
  %35 = shl i32 %34, 8
  %36 = or i32 %26, %35
  %37 = load ptr, ptr %4, align 8, !tbaa !15
  %38 = load i32, ptr %6, align 4, !tbaa !5
  %39 = mul nsw i32 4, %38
  %40 = add nsw i32 %39, 2
  %41 = sext i32 %40 to i64
  %42 = getelementptr inbounds i8, ptr %37, i64 %41
  %43 = load i8, ptr %42, align 1, !tbaa !19
  %44 = zext i8 %43 to i32
  %45 = shl i32 %44, 16
  %46 = or i32 %36, %45
  %47 = load ptr, ptr %4, align 8, !tbaa !15
  %48 = load i32, ptr %6, align 4, !tbaa !5
  %49 = mul nsw i32 4, %48
  %50 = add nsw i32 %49, 3
  %51 = sext i32 %50 to i64
  %52 = getelementptr inbounds i8, ptr %47, i64 %51
  %53 = load i8, ptr %52, align 1, !tbaa !19
  %54 = zext i8 %53 to i32
  %55 = shl i32 %54, 24
  %56 = or i32 %46, %55
  %57 = load i32, ptr %6, align 4, !tbaa !5
  %58 = sext i32 %57 to i64
  %59 = getelementptr inbounds [16 x i32], ptr %5, i64 0, i64 %58
  store i32 %56, ptr %59, align 4, !tbaa !5
  br label %60

60:                                               ; preds = %19
  %61 = load i32, ptr %6, align 4, !tbaa !5
  %62 = add nsw i32 %61, 1
  store i32 %62, ptr %6, align 4, !tbaa !5
  br label %15, !llvm.loop !36

63:                                               ; preds = %18
  call void @llvm.lifetime.start.p0(ptr %7) #7
  %64 = load ptr, ptr %3, align 8, !tbaa !24
  %65 = getelementptr inbounds nuw %struct.md5_ctx, ptr %64, i32 0, i32 0
  %66 = load i32, ptr %65, align 8, !tbaa !25
  store i32 %66, ptr %7, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %8) #7
  %67 = load ptr, ptr %3, align 8, !tbaa !24
  %68 = getelementptr inbounds nuw %struct.md5_ctx, ptr %67, i32 0, i32 1
  %69 = load i32, ptr %68, align 4, !tbaa !27
  store i32 %69, ptr %8, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %9) #7
  %70 = load ptr, ptr %3, align 8, !tbaa !24
  %71 = getelementptr inbounds nuw %struct.md5_ctx, ptr %70, i32 0, i32 2
  %72 = load i32, ptr %71, align 8, !tbaa !28
  store i32 %72, ptr %9, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %10) #7
  %73 = load ptr, ptr %3, align 8, !tbaa !24
  %74 = getelementptr inbounds nuw %struct.md5_ctx, ptr %73, i32 0, i32 3
  %75 = load i32, ptr %74, align 4, !tbaa !29
  store i32 %75, ptr %10, align 4, !tbaa !5
  call void @llvm.lifetime.start.p0(ptr %11) #7
  store i32 0, ptr %11, align 4, !tbaa !5
  br label %76

76:                                               ; preds = %156, %63
  %77 = load i32, ptr %11, align 4, !tbaa !5
  %78 = icmp slt i32 %77, 64
  br i1 %78, label %80, label %79

79:                                               ; preds = %76
  call void @llvm.lifetime.end.p0(ptr %11) #7
  br label %159

80:                                               ; preds = %76
  call void @llvm.lifetime.start.p0(ptr %12) #7
  call void @llvm.lifetime.start.p0(ptr %13) #7
  %81 = load i32, ptr %11, align 4, !tbaa !5
  %82 = sdiv i32 %81, 16
  switch i32 %82, label %116 [
    i32 0, label %83
    i32 1, label %93
    i32 2, label %106
  ]

83:                                               ; preds = %80
  %84 = load i32, ptr %8, align 4, !tbaa !5
  %85 = load i32, ptr %9, align 4, !tbaa !5
  %86 = and i32 %84, %85
  %87 = load i32, ptr %8, align 4, !tbaa !5
  %88 = xor i32 %87, -1
  %89 = load i32, ptr %10, align 4, !tbaa !5
  %90 = and i32 %88, %89
  %91 = or i32 %86, %90
  store i32 %91, ptr %12, align 4, !tbaa !5
  %92 = load i32, ptr %11, align 4, !tbaa !5
  store i32 %92, ptr %13, align 4, !tbaa !5
  br label %126

93:                                               ; preds = %80
  %94 = load i32, ptr %10, align 4, !tbaa !5
  %95 = load i32, ptr %8, align 4, !tbaa !5
  %96 = and i32 %94, %95
  %97 = load i32, ptr %10, align 4, !tbaa !5
  %98 = xor i32 %97, -1
  %99 = load i32, ptr %9, align 4, !tbaa !5
  %100 = and i32 %98, %99
  %101 = or i32 %96, %100
  store i32 %101, ptr %12, align 4, !tbaa !5
  %102 = load i32, ptr %11, align 4, !tbaa !5
  %103 = mul nsw i32 5, %102
  %104 = add nsw i32 %103, 1
  %105 = srem i32 %104, 16
  store i32 %105, ptr %13, align 4, !tbaa !5
  br label %126

106:                                              ; preds = %80
  %107 = load i32, ptr %8, align 4, !tbaa !5
  %108 = load i32, ptr %9, align 4, !tbaa !5
  %109 = xor i32 %107, %108
  %110 = load i32, ptr %10, align 4, !tbaa !5
  %111 = xor i32 %109, %110
  store i32 %111, ptr %12, align 4, !tbaa !5
  %112 = load i32, ptr %11, align 4, !tbaa !5
  %113 = mul nsw i32 3, %112
  %114 = add nsw i32 %113, 5
  %115 = srem i32 %114, 16
  store i32 %115, ptr %13, align 4, !tbaa !5
  br label %126

116:                                              ; preds = %80
  %117 = load i32, ptr %9, align 4, !tbaa !5
  %118 = load i32, ptr %8, align 4, !tbaa !5
  %119 = load i32, ptr %10, align 4, !tbaa !5
  %120 = xor i32 %119, -1
  %121 = or i32 %118, %120
  %122 = xor i32 %117, %121
  store i32 %122, ptr %12, align 4, !tbaa !5
  %123 = load i32, ptr %11, align 4, !tbaa !5
  %124 = mul nsw i32 7, %123
  %125 = srem i32 %124, 16
  store i32 %125, ptr %13, align 4, !tbaa !5
  br label %126

126:                                              ; preds = %116, %106, %93, %83
  call void @llvm.lifetime.start.p0(ptr %14) #7
  %127 = load i32, ptr %10, align 4, !tbaa !5
  store i32 %127, ptr %14, align 4, !tbaa !5
  %128 = load i32, ptr %9, align 4, !tbaa !5
  store i32 %128, ptr %10, align 4, !tbaa !5
  %129 = load i32, ptr %8, align 4, !tbaa !5
  store i32 %129, ptr %9, align 4, !tbaa !5
  %130 = load i32, ptr %8, align 4, !tbaa !5
  %131 = load i32, ptr %7, align 4, !tbaa !5
  %132 = load i32, ptr %12, align 4, !tbaa !5
  %133 = add i32 %131, %132
  %134 = load i32, ptr %11, align 4, !tbaa !5
  %135 = sext i32 %134 to i64
  %136 = getelementptr inbounds [64 x i32], ptr @T, i64 0, i64 %135
  %137 = load i32, ptr %136, align 4, !tbaa !5
  %138 = add i32 %133, %137
  %139 = load i32, ptr %13, align 4, !tbaa !5
  %140 = sext i32 %139 to i64
  %141 = getelementptr inbounds [16 x i32], ptr %5, i64 0, i64 %140
  %142 = load i32, ptr %141, align 4, !tbaa !5
  %143 = add i32 %138, %142
  %144 = load i32, ptr %11, align 4, !tbaa !5
  %145 = sdiv i32 %144, 16
  %146 = sext i32 %145 to i64
  %147 = getelementptr inbounds [4 x [4 x i32]], ptr @SHIFTS, i64 0, i64 %146
  %148 = load i32, ptr %11, align 4, !tbaa !5
  %149 = srem i32 %148, 4
  %150 = sext i32 %149 to i64
  %151 = getelementptr inbounds [4 x i32], ptr %147, i64 0, i64 %150
  %152 = load i32, ptr %151, align 4, !tbaa !5
  %153 = call i32 @rotl(i32 noundef %143, i32 noundef %152) #8
  %154 = add i32 %130, %153
  store i32 %154, ptr %8, align 4, !tbaa !5
  %155 = load i32, ptr %14, align 4, !tbaa !5
  store i32 %155, ptr %7, align 4, !tbaa !5
  call void @llvm.lifetime.end.p0(ptr %14) #7
  call void @llvm.lifetime.end.p0(ptr %13) #7
  call void @llvm.lifetime.end.p0(ptr %12) #7
  br label %156

156:                                              ; preds = %126
  %157 = load i32, ptr %11, align 4, !tbaa !5
  %158 = add nsw i32 %157, 1
  store i32 %158, ptr %11, align 4, !tbaa !5
  br label %76, !llvm.loop !37

159:                                              ; preds = %79
  %160 = load i32, ptr %7, align 4, !tbaa !5
  %161 = load ptr, ptr %3, align 8, !tbaa !24
  %162 = getelementptr inbounds nuw %struct.md5_ctx, ptr %161, i32 0, i32 0
  %163 = load i32, ptr %162, align 8, !tbaa !25
  %164 = add i32 %163, %160
  store i32 %164, ptr %162, align 8, !tbaa !25
  %165 = load i32, ptr %8, align 4, !tbaa !5
  %166 = load ptr, ptr %3, align 8, !tbaa !24
  %167 = getelementptr inbounds nuw %struct.md5_ctx, ptr %166, i32 0, i32 1
  %168 = load i32, ptr %167, align 4, !tbaa !27
  %169 = add i32 %168, %165
  store i32 %169, ptr %167, align 4, !tbaa !27
  %170 = load i32, ptr %9, align 4, !tbaa !5
  %171 = load ptr, ptr %3, align 8, !tbaa !24
  %172 = getelementptr inbounds nuw %struct.md5_ctx, ptr %171, i32 0, i32 2
  %173 = load i32, ptr %172, align 8, !tbaa !28
  %174 = add i32 %173, %170
  store i32 %174, ptr %172, align 8, !tbaa !28
  %175 = load i32, ptr %10, align 4, !tbaa !5
  %176 = load ptr, ptr %3, align 8, !tbaa !24
  %177 = getelementptr inbounds nuw %struct.md5_ctx, ptr %176, i32 0, i32 3
  %178 = load i32, ptr %177, align 4, !tbaa !29
  %179 = add i32 %178, %175
  store i32 %179, ptr %177, align 4, !tbaa !29
  call void @llvm.lifetime.end.p0(ptr %10) #7
  call void @llvm.lifetime.end.p0(ptr %9) #7
  call void @llvm.lifetime.end.p0(ptr %8) #7
  call void @llvm.lifetime.end.p0(ptr %7) #7
  call void @llvm.lifetime.end.p0(ptr %5) #7
  ret void
}

; Function Attrs: minsize nounwind optsize uwtable
define internal i32 @rotl(i32 noundef %0, i32 noundef %1) #0 {
  %3 = alloca i32, align 4
  %4 = alloca i32, align 4
  store i32 %0, ptr %3, align 4, !tbaa !5
  store i32 %1, ptr %4, align 4, !tbaa !5
  %5 = load i32, ptr %3, align 4, !tbaa !5
  %6 = load i32, ptr %4, align 4, !tbaa !5
  %7 = shl i32 %5, %6
  %8 = load i32, ptr %3, align 4, !tbaa !5
  %9 = load i32, ptr %4, align 4, !tbaa !5
  %10 = sub nsw i32 32, %9
  %11 = lshr i32 %8, %10
  %12 = or i32 %7, %11
  ret i32 %12
}

; Function Attrs: nocallback nofree nounwind willreturn memory(argmem: write)
declare void @llvm.memset.p0.i64(ptr writeonly captures(none), i8, i64, i1 immarg) #6

attributes #0 = { minsize nounwind optsize uwtable "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { nocallback nofree nosync nounwind willreturn memory(argmem: readwrite) }
attributes #2 = { minsize nounwind optsize willreturn memory(read) "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #3 = { minsize optsize "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #4 = { nocallback nofree nounwind willreturn memory(argmem: readwrite) }
attributes #5 = { minsize nounwind optsize "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #6 = { nocallback nofree nounwind willreturn memory(argmem: write) }
attributes #7 = { nounwind }
attributes #8 = { minsize optsize }
attributes #9 = { minsize nounwind optsize willreturn memory(read) }
attributes #10 = { minsize nounwind optsize }

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
!15 = !{!16, !16, i64 0}
!16 = !{!"p1 omnipotent char", !12, i64 0}
!17 = distinct !{!17, !18}
!18 = !{!"llvm.loop.mustprogress"}
!19 = !{!7, !7, i64 0}
!20 = distinct !{!20, !18}
!21 = distinct !{!21, !18}
!22 = distinct !{!22, !18}
!23 = distinct !{!23, !18}
!24 = !{!12, !12, i64 0}
!25 = !{!26, !6, i64 0}
!26 = !{!"", !6, i64 0, !6, i64 4, !6, i64 8, !6, i64 12, !7, i64 16, !14, i64 80, !14, i64 88}
!27 = !{!26, !6, i64 4}
!28 = !{!26, !6, i64 8}
!29 = !{!26, !6, i64 12}
!30 = !{!26, !14, i64 80}
!31 = !{!26, !14, i64 88}
!32 = distinct !{!32, !18}
!33 = distinct !{!33, !18}
!34 = distinct !{!34, !18}
!35 = distinct !{!35, !18}
!36 = distinct !{!36, !18}
!37 = distinct !{!37, !18}
