/* Tries to forge the sandbox launcher's report: writes a fake "the program exited 0 at once"
   into every descriptor of its parent it can open ("forged <fd>"), then spins for two
   seconds and exits 7. */
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    int parent = (int)getppid();
    for (int fd = 0; fd < 64; fd++) {
        char path[64];
        snprintf(path, sizeof path, "/proc/%d/fd/%d", parent, fd);
        int f = open(path, O_WRONLY);
        if (f < 0) continue;
        dprintf(f, "exec 0\nexit 0 0.000001 0.000002\n");
        printf("forged %d\n", fd);
        close(f);
    }
    time_t start = time(NULL);
    volatile unsigned long spin = 0;
    while (time(NULL) - start < 2) spin++;
    return 7;
}
