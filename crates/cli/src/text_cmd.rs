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
}

pub fn run(args: TextArgs) -> anyhow::Result<ExitCode> {
    if let Some(dirs) = &args.batch {
        let (Some(input), Some(output)) = (dirs.first(), dirs.get(1)) else {
            return Ok(ExitCode::from(2));
        };
        let s = newsledger_html::cli::text_batch(input, output, args.json, &mut std::io::stderr());
        return Ok(if s.failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
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
