/* A deterministic workload of argv[1] loop iterations. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000;
    volatile unsigned long acc = 1;
    for (long i = 0; i < n; i++) acc = acc * 6364136223846793005UL + (unsigned long)i;
    printf("%lu\n", (unsigned long)acc);
    return 0;
}
