//go:build unix

package timex

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time of the process so far: benchmarks report MB per
// CPU second, which a machine shared with other jobs does not distort as much as wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
