package nereval

import "fmt"

func fmtSscanf(line string, f1, p, r *float64) (int, error) {
	return fmt.Sscanf(line, "ner: f1=%f p=%f r=%f", f1, p, r)
}
