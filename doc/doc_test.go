package doc

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestContentHash(t *testing.T) {
	for _, n := range []int{0, 1, 4095, 4096, 4097, 10000} {
		text := strings.Repeat("é", n/2) + strings.Repeat("a", n%2)
		sum := sha256.Sum256([]byte(text))
		if got, want := ContentHash(text), hex.EncodeToString(sum[:]); got != want {
			t.Errorf("ContentHash of %d bytes = %s, want %s", len(text), got, want)
		}
	}
}
