//! `cargo xtask test`: everything CI checks, cheapest first, stopping at the first failure.

use std::process::Command;

use crate::{build, dist, install, pack, run, serve};

/// One step of the run: a name for the log and what it does.
struct Step {
    name: &'static str,
    action: Box<dyn Fn() -> Result<(), String>>,
}

impl Step {
    /// A step that runs one command.
    fn command(name: &'static str, make: fn() -> Command) -> Step {
        Step {
            name,
            action: Box::new(move || run::status(&mut make())),
        }
    }
}

/// The steps in the order CI runs them.
fn steps() -> Vec<Step> {
    vec![
        Step::command("formatting", || {
            run::cargo(&["fmt", "--all", "--", "--check"])
        }),
        Step::command("clippy, native", || {
            run::cargo(&[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
        }),
        Step::command("clippy, wasm32", || clippy_wasm32(&[])),
        Step::command("clippy, wasm32 with the fuzz mode", || {
            clippy_wasm32(&["--features", "fuzz"])
        }),
        // With the test tools (the string tests), which the page's second build carries.
        Step::command("native tests", || {
            run::cargo(&["test", "--workspace", "--features", "relu-explorer/fuzz"])
        }),
        Step::command(
            "browser tests (wasm-bindgen-test in headless Chromium)",
            || {
                let mut command = run::cargo(&[
                    "test",
                    "-p",
                    "relu-explorer",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--test",
                    "browser",
                    "--test",
                    "browser_mlp",
                    "--test",
                    "browser_fuzz",
                    "--test",
                    "browser_speed",
                    "--features",
                    "fuzz",
                ]);
                command.env("CHROMEDRIVER", install::CHROMEDRIVER).env(
                    "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                    run::root().join("webdriver.json"),
                );
                command
            },
        ),
        // The end-to-end tests open the offline files too (dist/).
        Step {
            name: "release build of the page and its offline files (dist)",
            action: Box::new(dist::run),
        },
        Step {
            name: "the npm package (cargo xtask pack), installed from its tarball into a scratch \
                   project and run in Node, in a page without a bundler and through a bundler",
            action: Box::new(package),
        },
        Step {
            name: "end-to-end test of the served page in headless Chromium",
            action: Box::new(end_to_end),
        },
    ]
}

/// `cargo clippy` of the page's crate for the browser, with `features` (the page ships two
/// builds: the reader's, and the fuzz mode's), warnings denied.
fn clippy_wasm32(features: &[&str]) -> Command {
    let mut command = run::cargo(&[
        "clippy",
        "-p",
        "relu-explorer",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
    ]);
    command.args(features).args(["--", "-D", "warnings"]);
    command
}

/// Runs every step, or stops at the first that fails and says which.
pub fn run() -> Result<(), String> {
    println!("xtask test: checking prerequisites");
    install::wasm_target()?;
    install::wasm_bindgen_cli()?;
    install::node_packages()?;
    install::chromium()?;

    let steps = steps();
    let total = steps.len();
    for (index, step) in steps.iter().enumerate() {
        let number = index + 1;
        println!("\n==> xtask test [{number}/{total}]: {}", step.name);
        (step.action)().map_err(|err| {
            format!(
                "xtask test FAILED at step {number}/{total} ({}):\n{err}",
                step.name
            )
        })?;
    }
    println!("\nxtask test: all {total} steps passed");
    Ok(())
}

/// Serves the built `www/` on an ephemeral port and runs the page's end-to-end tests
/// (Playwright Test, `playwright.config.mjs`) against it; traces of failed tests are kept
/// under `target/e2e/`.
fn end_to_end() -> Result<(), String> {
    let server = serve::spawn(&run::root().join(build::WWW_DIR))?;
    println!("serving www/ at {}", server.url);
    run::status(&mut playwright_test(&server.url))
}

/// Packs the npm package and runs tests/pack/check.mjs on its tarball.
fn package() -> Result<(), String> {
    let tarball = pack::tarball()?;
    let check = run::root().join("tests/pack/check.mjs");
    run::status(run::program("node", &[]).arg(check).arg(tarball))
}

/// `playwright test` from node_modules against the server at `url`.
fn playwright_test(url: &str) -> Command {
    let playwright = run::root().join("node_modules/.bin/playwright");
    let mut command = run::program(playwright, &["test"]);
    command.env("E2E_BASE_URL", url);
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_test_runs_playwright_against_the_server() {
        let command = playwright_test("http://127.0.0.1:1234/");
        assert!(command
            .get_program()
            .to_string_lossy()
            .ends_with("node_modules/.bin/playwright"));
        assert_eq!(command.get_args().collect::<Vec<_>>(), ["test"]);
        let url = command
            .get_envs()
            .find(|(key, _)| *key == "E2E_BASE_URL")
            .and_then(|(_, value)| value);
        assert_eq!(url, Some("http://127.0.0.1:1234/".as_ref()));
    }

    #[test]
    fn steps_run_checks_before_the_build_and_the_page_test_last() {
        let names: Vec<&str> = steps().iter().map(|step| step.name).collect();
        assert_eq!(names.first(), Some(&"formatting"));
        assert!(names.last().unwrap().starts_with("end-to-end"));
        let build = names.iter().position(|n| n.contains("build")).unwrap();
        let native = names.iter().position(|n| *n == "native tests").unwrap();
        assert!(native < build);
        // The package is packed after the page's build, which the end-to-end test serves.
        let package = names
            .iter()
            .position(|n| n.contains("npm package"))
            .unwrap();
        assert!(build < package);
    }
}
