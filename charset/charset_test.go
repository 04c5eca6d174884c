package charset_test

import (
	"errors"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/crosscheck/crosscheck/charset"
)

func encode(t *testing.T, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Grüße aus Köln"))
	for _, tc := range []struct {
		name     string
		raw      []byte
		ctype    string
		html     bool
		want     string
		encoding string
		by       string
	}{
		{"UTF8", []byte("Grüße aus Köln"), "", false, "Grüße aus Köln", "utf-8", "valid"},
		{"UTF8BOM", append([]byte{0xef, 0xbb, 0xbf}, "Grüße"...), "", false, "Grüße", "utf-8", "bom"},
		{"UTF16BOM", utf16, "", false, "Grüße aus Köln", "utf-16le", "bom"},
		{"HeaderCharset", encode(t, charmap.Windows1252, "café “quoted”"), "text/html; charset=windows-1252", false, "café “quoted”", "windows-1252", "header"},
		{"MetaCharset", append([]byte(`<html><head><meta charset="iso-8859-2"></head><body>`), encode(t, charmap.ISO8859_2, "Zażółć")...), "", true, `<html><head><meta charset="iso-8859-2"></head><body>Zażółć`, "iso-8859-2", "meta"},
		{"MetaLiesAboutUTF8", []byte(`<meta charset="iso-8859-1"><p>Grüße</p>`), "", true, `<meta charset="iso-8859-1"><p>Grüße</p>`, "utf-8", "meta"},
		{"GuessWindows1251", encode(t, charmap.Windows1251, "Президент заявил, что переговоры продолжатся"), "", false, "Президент заявил, что переговоры продолжатся", "windows-1251", "guess"},
		{"GuessWindows1252", encode(t, charmap.Windows1252, "Les négociations ont été très difficiles à Genève"), "", false, "Les négociations ont été très difficiles à Genève", "windows-1252", "guess"},
		{"GuessWindows874", encode(t, charmap.Windows874, "นายกรัฐมนตรีกล่าวว่าการเจรจาจะดำเนินต่อไป"), "", false, "นายกรัฐมนตรีกล่าวว่าการเจรจาจะดำเนินต่อไป", "windows-874", "guess"},
		{"MostlyUTF8WithStrayByte", []byte("Grüße aus Köln, caf\xe9 und Bäcker über alles"), "", false, "Grüße aus Köln, café und Bäcker über alles", "utf-8", "guess"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := charset.Decode(tc.raw, tc.ctype, tc.html)
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.want || d.Encoding != tc.encoding || d.By != tc.by {
				t.Fatalf("got %q %s, want %q %s (%s)", d.Text, d.Describe(), tc.want, tc.encoding, tc.by)
			}
		})
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  []byte
		want error
	}{
		{"Empty", nil, charset.ErrEmpty},
		{"OnlySpace", []byte(" \n\t "), charset.ErrEmpty},
		{"NULBytes", []byte("PK\x03\x04\x00\x00binary"), charset.ErrBinary},
		{"Controls", []byte("\x01\x02\x03\x04\x05\x06\x07\x08abc"), charset.ErrBinary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := charset.Decode(tc.raw, "", false); !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"plain", "caf\xe9", "\xef\xbb\xbfbom", "\xff\xfeh\x00i\x00", `<meta charset="koi8-r">\xf0\xd2`, "\x00\x01", "<meta charset=utf-16>"} {
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, raw []byte, html bool) {
		d, err := charset.Decode(raw, "", html)
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("invalid UTF-8 out of %q (%s)", raw, d.Describe())
		}
	})
}
