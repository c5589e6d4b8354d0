package timex

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// TestDebug prints the tags of $TIMEX_TEXT (language $TIMEX_LANG, anchor $TIMEX_ANCHOR).
func TestDebug(t *testing.T) {
	text := os.Getenv("TIMEX_TEXT")
	if text == "" {
		t.Skip("TIMEX_TEXT not set")
	}
	a, err := time.Parse(time.DateOnly, os.Getenv("TIMEX_ANCHOR"))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range tg.Tag(text, os.Getenv("TIMEX_LANG"), a) {
		fmt.Printf("%q %s %s %s begin=%v\n", x.Text, x.Type, x.Value, x.Mod, x.Begin)
	}
}
