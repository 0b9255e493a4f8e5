//! Scores the claims stage. (Being written by the stage's owner.)

/// Arguments of `newsledger eval claims`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold annotations.
    pub gold: std::path::PathBuf,
}

pub fn run(_args: &Args) -> anyhow::Result<()> {
    anyhow::bail!("eval claims is not implemented yet")
}
