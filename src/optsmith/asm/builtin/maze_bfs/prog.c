/* Breadth-first search on a grid with random walls, from several start cells.
   Input: width height wall_percent starts seed. Prints reachable cells and distance sums. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int main(void) {
    unsigned w, h, wall, starts, seed;
    if (scanf("%u %u %u %u %u", &w, &h, &wall, &starts, &seed) != 5 || w < 2 || h < 2 || w > 8192 || h > 8192)
        return 1;
    size_t cells = (size_t)w * h;
    uint8_t *open = malloc(cells);
    int32_t *dist = malloc(cells * sizeof *dist);
    uint32_t *queue = malloc(cells * sizeof *queue);
    if (!open || !dist || !queue) return 1;
    uint32_t x = seed | 1;
    for (size_t i = 0; i < cells; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; open[i] = x % 100 >= wall; }
    uint64_t reach = 0, sum = 0;
    int32_t far = 0;
    for (unsigned s = 0; s < starts; s++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        uint32_t start = x % (uint32_t)cells;
        while (!open[start]) start = (start + 1) % (uint32_t)cells;
        for (size_t i = 0; i < cells; i++) dist[i] = -1;
        size_t head = 0, tail = 0;
        dist[start] = 0; queue[tail++] = start;
        while (head < tail) {
            uint32_t c = queue[head++];
            unsigned cx = c % w, cy = c / w;
            int32_t nd = dist[c] + 1;
            uint32_t nb[4];
            int k = 0;
            if (cx > 0) nb[k++] = c - 1;
            if (cx + 1 < w) nb[k++] = c + 1;
            if (cy > 0) nb[k++] = c - w;
            if (cy + 1 < h) nb[k++] = c + w;
            for (int i = 0; i < k; i++)
                if (open[nb[i]] && dist[nb[i]] < 0) { dist[nb[i]] = nd; queue[tail++] = nb[i]; }
        }
        for (size_t i = 0; i < cells; i++)
            if (dist[i] >= 0) { reach++; sum += (uint64_t)dist[i]; if (dist[i] > far) far = dist[i]; }
    }
    printf("%llu %llu %d\n", (unsigned long long)reach, (unsigned long long)sum, far);
    free(open); free(dist); free(queue);
    return 0;
}
