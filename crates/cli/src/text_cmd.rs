//! `newsledger text`: the main text of HTML pages. The logic lives in
//! `newsledger_html::cli`; this module only declares the flags.

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct TextArgs {
    /// An HTML page (any charset), or - for stdin.
    #[arg(required_unless_present = "batch")]
    page: Option<PathBuf>,
    /// Print JSON: title, byline, published, outlet, url, lang, encoding, text.
    #[arg(long)]
    json: bool,
    /// The page's URL: a date in its path and its host fill in missing metadata.
    #[arg(long)]
    url: Option<String>,
    /// Write OUT_DIR/<name>.txt (or .json with --json) for every <name>.html under IN_DIR.
    #[arg(long, num_args = 2, value_names = ["IN_DIR", "OUT_DIR"], conflicts_with = "page")]
    batch: Option<Vec<PathBuf>>,
    /// With --batch: no progress bar and no summary line on stderr (errors still print).
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: TextArgs) -> anyhow::Result<ExitCode> {
    if let Some(dirs) = &args.batch {
        let (Some(input), Some(output)) = (dirs.first(), dirs.get(1)) else {
            return Ok(ExitCode::from(2));
        };
        return Ok(batch(input, output, args.json, args.quiet));
    }
    let Some(page) = &args.page else {
        return Ok(ExitCode::from(2));
    };
    let code = newsledger_html::cli::text_cmd(
        page,
        args.json,
        args.url.as_deref(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr(),
    );
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}

/// `--batch`: the pages in parallel, with the bar moved by each page's size.
fn batch(input: &std::path::Path, output: &std::path::Path, json: bool, quiet: bool) -> ExitCode {
    let mut progress = crate::progress::Progress::new("text", None, quiet);
    let bar = progress.bar();
    let mut errors: Vec<u8> = Vec::new();
    let s = newsledger_html::cli::text_batch_with(
        input,
        output,
        json,
        &mut errors,
        &|total| progress.set_total(total),
        &|bytes| {
            if let Some(b) = &bar {
                b.inc(bytes);
            }
        },
    );
    for line in String::from_utf8_lossy(&errors).lines() {
        progress.println(line);
    }
    // The bar already moved page by page; the tally only counts.
    progress.count(s.written as u64, s.bytes_in);
    progress.failed_n(s.failed as u64);
    progress.finish();
    if s.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
