//! `cargo xtask serve`, and the static-file server that `test` and `bench` run in-process.
//!
//! wasm-bindgen's `--target web` output must come over HTTP (browsers refuse to
//! instantiate wasm from `file://`), with `application/wasm` for streaming compilation.

use std::fs;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use tiny_http::{Header, Method, Request, Response, Server};

use crate::{build, run};

/// `cargo xtask serve`: builds, then serves `www/` on 127.0.0.1:`port` until stopped.
pub fn run(port: u16) -> Result<(), String> {
    build::run()?;
    let root = run::root().join(build::WWW_DIR);
    let server = bind(port)?;
    println!(
        "\nxtask serve: serving {} at {}",
        root.display(),
        url(&server)
    );
    println!("(Ctrl-C to stop)");
    let server = Arc::new(server);
    let threads = answer_on_threads(&server, &root, true);
    for thread in threads {
        let _ = thread.join();
    }
    Ok(())
}

/// A server answering on background threads; dropping it stops the server.
pub struct Running {
    /// The base URL the server answers on, such as `http://127.0.0.1:41234/`.
    pub url: String,
    server: Arc<Server>,
    threads: Vec<JoinHandle<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        // Each unblock wakes one waiting thread, which then ends.
        for _ in &self.threads {
            self.server.unblock();
        }
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

/// Threads answering requests. The tests open pages in two or more workers at once, each page
/// fetching its files over up to six connections: one thread would make every page wait
/// behind whichever response is being written, however slowly its reader takes it.
const THREADS: usize = 8;

/// Serves `root` on 127.0.0.1 at an ephemeral port, on background threads.
pub fn spawn(root: &Path) -> Result<Running, String> {
    let server = Arc::new(bind(0)?);
    let url = url(&server);
    let threads = answer_on_threads(&server, root, false);
    Ok(Running {
        url,
        server,
        threads,
    })
}

/// Starts the threads that answer `server`'s requests from the files under `root`, printing a
/// line for each if `log`.
fn answer_on_threads(server: &Arc<Server>, root: &Path, log: bool) -> Vec<JoinHandle<()>> {
    (0..THREADS)
        .map(|_| {
            let root = root.to_path_buf();
            let server = Arc::clone(server);
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    match respond(&root, request) {
                        Some(line) if log => println!("{line}"),
                        _ => {}
                    }
                }
            })
        })
        .collect()
}

/// Listens on 127.0.0.1:`port` (0 for any free port).
fn bind(port: u16) -> Result<Server, String> {
    Server::http(("127.0.0.1", port)).map_err(|err| match port {
        0 => format!("cannot listen on 127.0.0.1: {err}"),
        _ => format!(
            "cannot listen on 127.0.0.1:{port} ({err}); try `--port {}`",
            port + 1
        ),
    })
}

/// The base URL of `server`.
fn url(server: &Server) -> String {
    let port = server
        .server_addr()
        .to_ip()
        .expect("an HTTP server listens on an IP address")
        .port();
    format!("http://127.0.0.1:{port}/")
}

/// Answers `request` from the files under `root` and returns a log line for it.
fn respond(root: &Path, request: Request) -> Option<String> {
    let log = format!("{} {}", request.method(), request.url());
    let (status, body, content_type) = match request.method() {
        Method::Get | Method::Head => match resolve(root, request.url()) {
            Some(path) => match fs::read(&path) {
                Ok(body) => (200, body, content_type(&path)),
                Err(err) if err.kind() == ErrorKind::NotFound => not_found(),
                Err(_) => (500, b"cannot read file\n".to_vec(), PLAIN),
            },
            None => not_found(),
        },
        _ => (405, b"only GET and HEAD\n".to_vec(), PLAIN),
    };
    // Whole files are in memory: always send Content-Length rather than chunks.
    let response = Response::from_data(body)
        .with_chunked_threshold(usize::MAX)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-cache"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Content-Security-Policy", CONTENT_SECURITY_POLICY));
    let response = match status {
        405 => response.with_header(header("Allow", "GET, HEAD")),
        _ => response,
    };
    request.respond(response).ok()?;
    Some(format!("{status} {log}"))
}

/// The policy the page must run under (README, "Content-Security-Policy"), sent with every
/// response so that `serve` and the end-to-end tests hold the page to it: no inline script or
/// style, no other origin, WebAssembly compiled from the page's own files only.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
     script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
     object-src 'none'; base-uri 'none'";

/// The content type of plain-text error bodies.
const PLAIN: &str = "text/plain; charset=utf-8";

/// A 404 response's status, body and content type.
fn not_found() -> (u16, Vec<u8>, &'static str) {
    (404, b"not found\n".to_vec(), PLAIN)
}

/// A response header; names and values here are constants known to be valid.
fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name, value).expect("valid header")
}

/// The file under `root` that the request target `target` names, or `None` when it
/// names nothing there: missing, outside `root`, or not a file. A directory means its
/// `index.html`.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for component in Path::new(&decoded).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::RootDir | Component::CurDir => {}
            Component::ParentDir | Component::Prefix(_) => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    // A symbolic link must not lead out of the served tree either.
    let real = file.canonicalize().ok()?;
    (real.starts_with(root.canonicalize().ok()?) && real.is_file()).then_some(real)
}

/// Decodes `%XX` escapes; `None` for a NUL, a backslash, or bytes that are not UTF-8. (A `%`
/// that starts no escape stays a `%`, as in browsers.)
fn percent_decode(path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    (!decoded.contains(['\0', '\\'])).then(|| decoded.into_owned())
}

/// The `Content-Type` for a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("json" | "map") => "application/json",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt") => PLAIN,
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;

    /// A served directory with a page, a module, a subdirectory, and a secret beside it.
    fn site(test: &str) -> PathBuf {
        let name = format!("xtask-serve-{}-{test}", std::process::id());
        let dir = std::env::temp_dir().join(name);
        let www = dir.join("www");
        fs::create_dir_all(www.join("pkg")).unwrap();
        fs::write(www.join("index.html"), "<!doctype html><title>t</title>").unwrap();
        fs::write(www.join("pkg/m.wasm"), b"\0asm\x01\0\0\0").unwrap();
        fs::write(www.join("pkg/index.html"), "pkg").unwrap();
        fs::write(www.join("big.js"), vec![b' '; 100_000]).unwrap();
        fs::write(dir.join("secret.txt"), "secret").unwrap();
        www
    }

    /// Sends one HTTP/1.1 request, asking the server to close the connection after
    /// answering, and returns the whole response as text.
    fn fetch(base: &str, method: &str, target: &str) -> String {
        let address = base.trim_start_matches("http://").trim_end_matches('/');
        let mut stream = TcpStream::connect(address).unwrap();
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    }

    fn header_of<'a>(response: &'a str, name: &str) -> Option<&'a str> {
        response.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    #[test]
    fn serves_files_with_their_types_and_no_cache() {
        let server = spawn(&site("serves")).unwrap();
        let page = fetch(&server.url, "GET", "/");
        assert!(page.starts_with("HTTP/1.1 200"), "{page}");
        assert_eq!(
            header_of(&page, "Content-Type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(header_of(&page, "Cache-Control"), Some("no-cache"));
        assert!(page.ends_with("<title>t</title>"));
        let wasm = fetch(&server.url, "GET", "/pkg/m.wasm?v=1");
        assert_eq!(header_of(&wasm, "Content-Type"), Some("application/wasm"));
        assert_eq!(header_of(&wasm, "Content-Length"), Some("8"));
        let big = fetch(&server.url, "GET", "/big.js");
        assert_eq!(header_of(&big, "Content-Length"), Some("100000"));
        assert_eq!(header_of(&big, "Transfer-Encoding"), None);
    }

    #[test]
    fn every_response_carries_the_content_security_policy() {
        let server = spawn(&site("csp")).unwrap();
        for (method, target) in [
            ("GET", "/"),
            ("GET", "/pkg/m.wasm"),
            ("GET", "/nope.js"),
            ("HEAD", "/index.html"),
            ("POST", "/"),
        ] {
            let response = fetch(&server.url, method, target);
            assert_eq!(
                header_of(&response, "Content-Security-Policy"),
                Some(
                    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
                     style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"
                ),
                "{method} {target}"
            );
        }
    }

    #[test]
    fn missing_files_and_traversal_are_404() {
        let server = spawn(&site("missing")).unwrap();
        for target in [
            "/nope.js",
            "/../secret.txt",
            "/pkg/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/%5c..%5csecret.txt",
            "/%zz",
        ] {
            let response = fetch(&server.url, "GET", target);
            assert!(response.starts_with("HTTP/1.1 404"), "{target}: {response}");
            assert!(!response.contains("secret\n") && !response.ends_with("secret"));
        }
    }

    #[test]
    fn head_has_no_body_and_post_is_refused() {
        let server = spawn(&site("head")).unwrap();
        let head = fetch(&server.url, "HEAD", "/index.html");
        assert!(head.starts_with("HTTP/1.1 200"));
        assert!(!head.contains("<title>"));
        let post = fetch(&server.url, "POST", "/index.html");
        assert!(post.starts_with("HTTP/1.1 405"), "{post}");
    }

    #[test]
    fn directories_mean_their_index() {
        let www = site("directories");
        let resolved = resolve(&www, "/pkg/").unwrap();
        assert!(resolved.ends_with("pkg/index.html"));
        assert!(resolve(&www, "/pkg/m.wasm#frag").is_some());
        assert!(resolve(&www, "/a%20b.js").is_none());
    }

    #[test]
    fn content_types_the_page_needs() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("main.js", "text/javascript; charset=utf-8"),
            ("page.mjs", "text/javascript; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("favicon.svg", "image/svg+xml"),
            ("pkg/relu_explorer_bg.wasm", "application/wasm"),
            ("blob.bin", "application/octet-stream"),
        ];
        for (name, expected) in cases {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn a_reader_that_stops_reading_holds_up_no_other() {
        let www = site("stalled");
        fs::write(www.join("huge.bin"), vec![0u8; 32 << 20]).unwrap();
        let server = spawn(&www).unwrap();
        let address = server
            .url
            .trim_start_matches("http://")
            .trim_end_matches('/');
        // Asks for 32 MiB and reads none of it: the answering thread blocks once the socket's
        // buffers are full.
        let mut stalled = TcpStream::connect(address).unwrap();
        write!(stalled, "GET /huge.bin HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        let mut other = TcpStream::connect(address).unwrap();
        other
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        write!(
            other,
            "GET / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut page = String::new();
        other
            .read_to_string(&mut page)
            .expect("the page, while another reader stalls");
        assert!(page.starts_with("HTTP/1.1 200"), "{page}");
        drop(stalled);
    }

    #[test]
    fn dropping_stops_the_server() {
        let server = spawn(&site("dropping")).unwrap();
        let address = server
            .url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        drop(server);
        // The listener closes on tiny_http's accept thread, just after the drop.
        let closed = (0..200).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(10));
            TcpStream::connect(&address).is_err()
        });
        assert!(closed, "still accepting connections on {address}");
    }
}
