/* Allocates and touches memory until malloc fails, then aborts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    for (;;) {
        char *p = malloc(1 << 20);
        if (!p) {
            fputs("out of memory\n", stderr);
            abort();
        }
        memset(p, 1, 1 << 20);
    }
}
