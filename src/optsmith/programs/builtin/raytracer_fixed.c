/* A tiny ray tracer in Q16.16 fixed point: spheres and a checkered ground plane, Lambert
 * shading with shadow rays, one mirror bounce, and gamma-free 8-bit output summarised as a
 * checksum plus a coarse ASCII thumbnail. Image width comes from argv[1]. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define ONE 65536
#define MAXW 400
#define NSPHERES 4
#define FAR ((int32_t)1 << 30)

typedef struct {
    int32_t x, y, z;
} vec3;

typedef struct {
    vec3 center;
    int32_t radius;
    int r, g, b;
    int32_t reflect; /* Q16 */
} sphere_t;

static sphere_t spheres[NSPHERES];
static uint8_t image[MAXW * MAXW * 3 / 4 + MAXW][3];

static long parse_arg(int argc, char **argv, long def, long lo, long hi) {
    long n = def;
    if (argc > 1) {
        char *end;
        long v = strtol(argv[1], &end, 10);
        if (end != argv[1]) n = v;
    }
    if (n < lo) n = lo;
    if (n > hi) n = hi;
    return n;
}

static int32_t fx_mul(int32_t a, int32_t b) { return (int32_t)(((int64_t)a * b) / ONE); }
static int32_t fx_div(int32_t a, int32_t b) { return (int32_t)(((int64_t)a * ONE) / b); }
static vec3 v_make(int32_t x, int32_t y, int32_t z) { vec3 v = {x, y, z}; return v; }
static vec3 v_add(vec3 a, vec3 b) { return v_make(a.x + b.x, a.y + b.y, a.z + b.z); }
static vec3 v_sub(vec3 a, vec3 b) { return v_make(a.x - b.x, a.y - b.y, a.z - b.z); }
static vec3 v_scale(vec3 a, int32_t s) { return v_make(fx_mul(a.x, s), fx_mul(a.y, s), fx_mul(a.z, s)); }

static int32_t v_dot(vec3 a, vec3 b) {
    int64_t d = (int64_t)a.x * b.x + (int64_t)a.y * b.y + (int64_t)a.z * b.z;
    return (int32_t)(d / ONE);
}

static uint64_t isqrt64(uint64_t v) {
    uint64_t r = 0, bit = (uint64_t)1 << 62;
    while (bit > v) bit >>= 2;
    while (bit) {
        if (v >= r + bit) {
            v -= r + bit;
            r = (r >> 1) + bit;
        } else {
            r >>= 1;
        }
        bit >>= 2;
    }
    return r;
}

/* sqrt of a non-negative Q16 value, result Q16 */
static int32_t fx_sqrt(int32_t v) { return v <= 0 ? 0 : (int32_t)isqrt64((uint64_t)v * ONE); }

static vec3 v_norm(vec3 a) {
    uint64_t len2 = (uint64_t)((int64_t)a.x * a.x + (int64_t)a.y * a.y + (int64_t)a.z * a.z);
    int32_t len = (int32_t)isqrt64(len2);
    if (len == 0) return a;
    return v_make(fx_div(a.x, len), fx_div(a.y, len), fx_div(a.z, len));
}

/* returns distance t (Q16) to the nearest hit, FAR if none; sets which (-1 = plane) */
static int32_t trace(vec3 o, vec3 d, int *which) {
    int32_t best = FAR;
    *which = -2;
    for (int i = 0; i < NSPHERES; i++) {
        vec3 oc = v_sub(o, spheres[i].center);
        int32_t b = v_dot(oc, d);
        int32_t c = v_dot(oc, oc) - fx_mul(spheres[i].radius, spheres[i].radius);
        int64_t disc = (int64_t)fx_mul(b, b) - c;
        if (disc < 0) continue;
        int32_t sq = fx_sqrt((int32_t)(disc > INT32_MAX ? INT32_MAX : disc));
        int32_t t = -b - sq;
        if (t < ONE / 256) t = -b + sq;
        if (t > ONE / 256 && t < best) {
            best = t;
            *which = i;
        }
    }
    if (d.y < -ONE / 1024) { /* ground plane y = 0 */
        int32_t t = fx_div(-o.y, d.y);
        if (t > ONE / 256 && t < best) {
            best = t;
            *which = -1;
        }
    }
    return best;
}

static void shade(vec3 o, vec3 d, int depth, int rgb[3]) {
    int which;
    int32_t t = trace(o, d, &which);
    if (which == -2) { /* sky gradient */
        int v = 120 + (int)(d.y * 100 / ONE);
        rgb[0] = v / 2;
        rgb[1] = v * 3 / 4;
        rgb[2] = v + 60 > 255 ? 255 : v + 60;
        return;
    }
    vec3 hit = v_add(o, v_scale(d, t));
    vec3 normal;
    int base[3];
    int32_t reflect;
    if (which < 0) {
        normal = v_make(0, ONE, 0);
        int cx = (int)((hit.x + 64 * ONE) / ONE), cz = (int)((hit.z + 64 * ONE) / ONE);
        int check = (cx + cz) & 1;
        base[0] = base[1] = base[2] = check ? 200 : 60;
        reflect = ONE / 5;
    } else {
        normal = v_norm(v_sub(hit, spheres[which].center));
        base[0] = spheres[which].r;
        base[1] = spheres[which].g;
        base[2] = spheres[which].b;
        reflect = spheres[which].reflect;
    }
    vec3 light = v_norm(v_make(-2 * ONE, 4 * ONE, -3 * ONE));
    int32_t lambert = v_dot(normal, light);
    if (lambert < 0) lambert = 0;
    int shadow_hit;
    vec3 start = v_add(hit, v_scale(normal, ONE / 64));
    trace(start, light, &shadow_hit);
    if (shadow_hit != -2) lambert /= 4;
    int32_t intensity = ONE / 8 + fx_mul(lambert, ONE * 7 / 8);
    for (int k = 0; k < 3; k++) rgb[k] = (int)(((int64_t)base[k] * intensity) / ONE);
    if (depth > 0 && reflect > 0) {
        int32_t dn = v_dot(d, normal);
        vec3 r = v_norm(v_sub(d, v_scale(normal, 2 * dn)));
        int refl[3];
        shade(start, r, depth - 1, refl);
        for (int k = 0; k < 3; k++)
            rgb[k] = (int)(((int64_t)rgb[k] * (ONE - reflect) + (int64_t)refl[k] * reflect) / ONE);
    }
    for (int k = 0; k < 3; k++) rgb[k] = rgb[k] < 0 ? 0 : rgb[k] > 255 ? 255 : rgb[k];
}

int main(int argc, char **argv) {
    int w = (int)parse_arg(argc, argv, 64, 8, MAXW);
    int h = w * 3 / 4;
    spheres[0] = (sphere_t){{0, ONE, 3 * ONE}, ONE, 220, 40, 40, ONE / 4};
    spheres[1] = (sphere_t){{-2 * ONE, ONE / 2, 4 * ONE}, ONE / 2, 40, 200, 60, 0};
    spheres[2] = (sphere_t){{2 * ONE, ONE * 3 / 4, 5 * ONE}, ONE * 3 / 4, 50, 80, 230, ONE / 2};
    spheres[3] = (sphere_t){{ONE / 2, ONE / 4, ONE * 3 / 2}, ONE / 4, 240, 220, 50, 0};
    vec3 eye = v_make(0, ONE * 3 / 2, -2 * ONE);
    uint32_t hsum = 2166136261u;
    long total[3] = {0, 0, 0};
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            int32_t px = (int32_t)(((int64_t)(2 * x - w) * ONE) / w);
            int32_t py = (int32_t)(((int64_t)(h - 2 * y) * ONE) / w);
            vec3 dir = v_norm(v_make(px, py - ONE / 4, ONE));
            int rgb[3];
            shade(eye, dir, 2, rgb);
            for (int k = 0; k < 3; k++) {
                image[y * w + x][k] = (uint8_t)rgb[k];
                total[k] += rgb[k];
                hsum = (hsum ^ (uint32_t)rgb[k]) * 16777619u;
            }
        }
    }
    static const char ramp[] = " .:-=+*#%@";
    for (int ty = 0; ty < 6; ty++) {
        char row[17];
        for (int tx = 0; tx < 16; tx++) {
            int y = ty * h / 6, x = tx * w / 16;
            const uint8_t *p = image[y * w + x];
            int lum = (p[0] * 3 + p[1] * 6 + p[2]) / 10;
            row[tx] = ramp[lum * 9 / 255];
        }
        row[16] = '\0';
        printf("|%s|\n", row);
    }
    printf("%dx%d mean rgb %ld %ld %ld\n", w, h, total[0] / (w * h), total[1] / (w * h),
           total[2] / (w * h));
    printf("checksum: %u\n", hsum);
    return 0;
}
