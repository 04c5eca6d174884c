package clean_test
import ("testing";"os";"fmt";"path/filepath";"github.com/crosscheck/crosscheck/clean")
func TestX(t *testing.T){
 fs,_:=filepath.Glob("/work/shared/corpus/seeds/00*.txt")
 for _, f := range fs {
 b,_:=os.ReadFile(f)
 r:=clean.Article(clean.Input{Text:string(b), TitleInText:true})
 fmt.Printf("==== %s\nTITLE=%q AUTHOR=%q SITE=%q CREDITS=%q\n%s\n", f, r.Title, r.Author, r.Site, r.Credits, r.Text)
 for _, x := range r.Removed { fmt.Printf("  - %s %q\n", x.Rule, x.Text) }
 }
}
