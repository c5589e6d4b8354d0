package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/griot-project/griot/doc"
)

type panicky struct{}

func (panicky) Name() string                { return "panicky" }
func (panicky) Process(*doc.Document) error { panic("boom") }

func TestStagePanicIsAnError(t *testing.T) {
	p := New(append(Base(), panicky{})...)
	_, err := p.Run(context.Background(), "Un texte.", Options{Lang: "fr"})
	if err == nil || !strings.Contains(err.Error(), "stage panicky") || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("error %v, want one naming the stage and the panic", err)
	}
}

func TestCheckText(t *testing.T) {
	cases := []struct {
		text string
		want string
	}{
		{"ok", ""},
		{"   \n", "empty text"},
		{"ab\ncd\xffe", "invalid UTF-8 at byte 5 (line 2, column 3)"},
	}
	for _, c := range cases {
		err := CheckText(c.text)
		if (err == nil) != (c.want == "") || (err != nil && err.Error() != c.want) {
			t.Errorf("CheckText(%q) = %v, want %q", c.text, err, c.want)
		}
	}
	var iu *InvalidUTF8Error
	if !errors.As(CheckText("\xff"), &iu) || iu.Offset != 0 {
		t.Errorf("want an InvalidUTF8Error at 0")
	}
}

func TestNewDocument(t *testing.T) {
	if _, err := NewDocument("x", Options{Lang: "de"}); err == nil {
		t.Error("German accepted")
	}
	d, err := NewDocument("Texte", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != d.SHA256[:16] || d.Anchor.IsZero() || len(d.SHA256) != 64 {
		t.Errorf("document %+v", d)
	}
}

func TestDefaultStages(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := "normalize langid segment actors timex quotes events places"
	if got := strings.Join(p.Stages(), " "); got != want {
		t.Errorf("stages %q, want %q", got, want)
	}
}
