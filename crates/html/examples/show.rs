//! Print what the extractor makes of one page: `show PAGE.html [URL]`.
use std::io::Write;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: show PAGE.html [URL]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_default();
    match newsledger_html::extract_article(&bytes, args.get(1).map(String::as_str)) {
        Ok(a) => {
            println!("title: {:?}\nbyline: {:?}\npublished: {:?}\noutlet: {:?}\nurl: {:?}\nlang: {:?}\nencoding: {}\nwarnings: {:?}\n---", a.title, a.byline, a.published, a.outlet, a.url, a.lang, a.encoding, a.warnings);
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = writeln!(std::io::stdout(), "{}", a.text);
        }
        Err(e) => println!("error: {e}"),
    }
}
