//! A throw-away server over the fictional corpus, for the browser test and for trying the
//! page: `cargo run -p newsledger-server --example demo [-- 127.0.0.1:8080]`. It prints
//! `listening on http://ADDR/` once ready.

#[path = "../tests/common/mod.rs"]
mod common;

use std::io::Write;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".to_string());
    let dir = tempfile::tempdir()?;
    let store = common::build_store(dir.path());
    let app = newsledger_server::app(store, &newsledger_server::Config::default())?;
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}/", listener.local_addr()?);
    std::io::stdout().flush()?;
    newsledger_server::serve(listener, app).await?;
    Ok(())
}
