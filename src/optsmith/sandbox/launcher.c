/* optsmith's launcher: the one process of ours inside a sandboxed run (see launcher.py).

   launch STATUS_FD CGROUP_FDS CPU_S FILE_BYTES NPROC AS_BYTES PATH ARGV0 [ARGS...]

   It joins the run's cgroups (CGROUP_FDS: comma-separated descriptors of cgroup.procs files
   the supervisor opened, or "-"), sets the limits ("-" = leave as is; never above the current
   hard limit), becomes non-dumpable (the program, same uid, cannot open its descriptors or
   ptrace it to forge a report), forks, and in the child closes every descriptor above 2 and
   execs PATH. Reports on STATUS_FD, one line each:
     exec <CLOCK_MONOTONIC s>                   just before execve, from the child
     error <text>                               the run could not start
     exit <wait status> <cpu s> <CLOCK_MONOTONIC s>   after wait4 of the program
   cpu is user+sys of the program and the descendants it reaped. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int status_fd = -1;

static void report(const char *format, ...) {
    va_list args;
    va_start(args, format);
    vdprintf(status_fd, format, args);
    va_end(args);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int limit(int resource, const char *text, rlim_t extra) {
    struct rlimit current, wanted;
    if (strcmp(text, "-") == 0 || getrlimit(resource, &current) != 0) return 0;
    rlim_t value = strtoull(text, NULL, 10);
    wanted.rlim_cur = value;
    wanted.rlim_max = value + extra;
    if (current.rlim_max != RLIM_INFINITY) {
        if (wanted.rlim_cur > current.rlim_max) wanted.rlim_cur = current.rlim_max;
        if (wanted.rlim_max > current.rlim_max) wanted.rlim_max = current.rlim_max;
    }
    if (setrlimit(resource, &wanted) == 0) return 0;
    report("error setrlimit(%d): %s\n", resource, strerror(errno));
    return -1;
}

static int join_cgroups(char *list) {
    if (strcmp(list, "-") == 0) return 0;
    for (char *item = strtok(list, ","); item; item = strtok(NULL, ",")) {
        int fd = atoi(item);
        if (write(fd, "0", 1) != 1) {
            report("error cannot join the run's cgroup: %s\n", strerror(errno));
            return -1;
        }
        close(fd);
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 9) return 125;
    status_fd = atoi(argv[1]);
    fcntl(status_fd, F_SETFD, FD_CLOEXEC);
    unsetenv("PWD"); /* bubblewrap adds it; the program gets exactly the caller's environment */
    struct rlimit no_core = {0, 0};
    if (join_cgroups(argv[2]) || setrlimit(RLIMIT_CORE, &no_core) || limit(RLIMIT_CPU, argv[3], 1)
        || limit(RLIMIT_FSIZE, argv[4], 0) || limit(RLIMIT_NPROC, argv[5], 0)
        || limit(RLIMIT_AS, argv[6], 0))
        return 126;
    prctl(PR_SET_DUMPABLE, 0);
    pid_t pid = fork();
    if (pid < 0) {
        report("error fork: %s\n", strerror(errno));
        return 126;
    }
    if (pid == 0) {
        close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
        report("exec %.9f\n", now());
        execv(argv[7], argv + 8);
        report("error %s\n", strerror(errno));
        _exit(127);
    }
    int status;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0)
        if (errno != EINTR) return 126;
    double end = now();
    double cpu = (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec / 1e6
                 + (double)usage.ru_stime.tv_sec + (double)usage.ru_stime.tv_usec / 1e6;
    report("exit %d %.6f %.9f\n", status, cpu, end);
    return 0;
}
