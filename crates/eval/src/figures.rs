//! Scores the figures stage. (Being written by the stage's owner.)

/// Arguments of `newsledger eval figures`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold annotations.
    pub gold: std::path::PathBuf,
}

pub fn run(_args: &Args) -> anyhow::Result<()> {
    anyhow::bail!("eval figures is not implemented yet")
}
