/* Lists every process whose command line contains the marker read from stdin ("found <pid>"),
   then prints how many processes it could see in /proc at all. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char marker[256];
    if (scanf("%255s", marker) != 1) return 2;
    DIR *proc = opendir("/proc");
    if (!proc) return 3;
    int seen = 0;
    for (struct dirent *e; (e = readdir(proc));) {
        int pid = atoi(e->d_name);
        if (pid <= 0) continue;
        seen++;
        char path[64], cmdline[8192];
        snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        size_t n = fread(cmdline, 1, sizeof cmdline - 1, f);
        fclose(f);
        for (size_t i = 0; i < n; i++)
            if (cmdline[i] == '\0') cmdline[i] = ' ';
        cmdline[n] = '\0';
        if (strstr(cmdline, marker)) printf("found %d\n", pid);
    }
    closedir(proc);
    printf("processes %d\n", seen);
    return 0;
}
