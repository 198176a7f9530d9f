//! `cargo xtask serve`, and the static-file server that `test` and `bench` run in-process.
//!
//! wasm-bindgen's `--target web` output must come over HTTP (browsers refuse to
//! instantiate wasm from `file://`), with `application/wasm` for streaming compilation.

use std::convert::Infallible;
use std::fs;
use std::io::ErrorKind;
use std::net::TcpListener;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, ALLOW, CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use tokio::sync::oneshot;

use crate::{build, run};

/// `cargo xtask serve`: builds, then serves `www/` on 127.0.0.1:`port` until stopped.
pub fn run(port: u16) -> Result<(), String> {
    build::run()?;
    let root = run::root().join(build::WWW_DIR);
    let listener = bind(port)?;
    println!(
        "\nxtask serve: serving {} at {}",
        root.display(),
        url(&listener)
    );
    println!("(Ctrl-C to stop)");
    // The sender stays alive, so the server runs until the process is stopped.
    let (_stop, stopped) = oneshot::channel();
    serve(listener, root, true, stopped)
}

/// A server answering on a background thread; dropping it stops the server.
pub struct Running {
    /// The base URL the server answers on, such as `http://127.0.0.1:41234/`.
    pub url: String,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<Result<(), String>>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Serves `root` on 127.0.0.1 at an ephemeral port, on a background thread.
pub fn spawn(root: &Path) -> Result<Running, String> {
    let listener = bind(0)?;
    let url = url(&listener);
    let (stop, stopped) = oneshot::channel();
    let root = root.to_path_buf();
    let thread = std::thread::spawn(move || serve(listener, root, false, stopped));
    Ok(Running {
        url,
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// Threads of the server's runtime. Connections are tasks, not threads: an idle keep-alive
/// connection or a reader that stops reading holds up no other. (tiny_http, used before, gave
/// each connection a pooled thread and could leave a new connection waiting, unanswered, until
/// another closed: a page's `main.js` once never arrived.)
const WORKERS: usize = 2;

/// Answers HTTP/1.1 on `listener` with the files under `root` until `stopped` fires (or its
/// sender is dropped), printing a line per request if `log`.
fn serve(
    listener: TcpListener,
    root: PathBuf,
    log: bool,
    mut stopped: oneshot::Receiver<()>,
) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .enable_io()
        .build()
        .map_err(|err| format!("cannot start the server's runtime: {err}"))?;
    let root = Arc::new(root);
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|err| format!("cannot serve: {err}"))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|err| format!("cannot serve: {err}"))?;
        loop {
            let stream = tokio::select! {
                _ = &mut stopped => return Ok(()),
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => stream,
                    // A connection that failed before it was accepted concerns no other.
                    Err(_) => continue,
                },
            };
            let root = Arc::clone(&root);
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request| {
                    answer(Arc::clone(&root), request, log)
                });
                // A client that goes away mid-response ends only its own connection.
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

/// Listens on 127.0.0.1:`port` (0 for any free port).
fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|err| match port {
        0 => format!("cannot listen on 127.0.0.1: {err}"),
        _ => format!(
            "cannot listen on 127.0.0.1:{port} ({err}); try `--port {}`",
            port + 1
        ),
    })
}

/// The base URL of `listener`.
fn url(listener: &TcpListener) -> String {
    let port = listener
        .local_addr()
        .expect("a bound listener has an address")
        .port();
    format!("http://127.0.0.1:{port}/")
}

/// Answers `request` from the files under `root`, printing a log line for it if `log`.
async fn answer(
    root: Arc<PathBuf>,
    request: Request<Incoming>,
    log: bool,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let method = request.method().clone();
    let target = request.uri().to_string();
    let (status, body, content_type) = match method {
        Method::GET | Method::HEAD => {
            let target = target.clone();
            // Reading files blocks: keep it off the threads that drive connections.
            tokio::task::spawn_blocking(move || read(&root, &target))
                .await
                .unwrap_or_else(|_| (500, b"cannot read file\n".to_vec(), PLAIN))
        }
        _ => (405, b"only GET and HEAD\n".to_vec(), PLAIN),
    };
    if log {
        println!("{status} {method} {target}");
    }
    // Whole files are in memory, so hyper sends Content-Length rather than chunks (and, for
    // HEAD, the length without the body).
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = StatusCode::from_u16(status).expect("a valid status code");
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_POLICY),
    );
    if status == 405 {
        headers.insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    Ok(response)
}

/// The status, body and content type that answer a GET of `target` from under `root`.
fn read(root: &Path, target: &str) -> (u16, Vec<u8>, &'static str) {
    match resolve(root, target) {
        Some(path) => match fs::read(&path) {
            Ok(body) => (200, body, content_type(&path)),
            Err(err) if err.kind() == ErrorKind::NotFound => not_found(),
            Err(_) => (500, b"cannot read file\n".to_vec(), PLAIN),
        },
        None => not_found(),
    }
}

/// The policy the page must run under (README, "Content-Security-Policy"), sent with every
/// response so that `serve` and the end-to-end tests hold the page to it: no inline script or
/// style, no other origin, WebAssembly compiled from the page's own files only.
const PAGE_POLICY: &str = "default-src 'self'; \
     script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
     object-src 'none'; base-uri 'none'";

/// The content type of plain-text error bodies.
const PLAIN: &str = "text/plain; charset=utf-8";

/// A 404 response's status, body and content type.
fn not_found() -> (u16, Vec<u8>, &'static str) {
    (404, b"not found\n".to_vec(), PLAIN)
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

    /// Browsers open several connections at once and keep them open. tiny_http, used before,
    /// left one of six simultaneous connections unanswered in this test's first round, every
    /// time; the page's `main.js` once waited forever that way.
    #[test]
    fn bursts_of_connections_beside_idle_ones_are_all_answered() {
        let server = spawn(&site("burst")).unwrap();
        let address = server
            .url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        let mut kept_open = Vec::new();
        for round in 0..20 {
            let barrier = Arc::new(std::sync::Barrier::new(6));
            let clients: Vec<_> = (0..6)
                .map(|_| {
                    let (address, barrier) = (address.clone(), Arc::clone(&barrier));
                    std::thread::spawn(move || {
                        barrier.wait();
                        let mut stream = TcpStream::connect(&address).unwrap();
                        stream
                            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
                            .unwrap();
                        write!(stream, "GET / HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
                        let mut start = [0u8; 12];
                        stream.read_exact(&mut start).map(|()| (stream, start))
                    })
                })
                .collect();
            for client in clients {
                let (stream, start) = client
                    .join()
                    .unwrap()
                    .unwrap_or_else(|err| panic!("round {round}: unanswered: {err}"));
                assert_eq!(&start, b"HTTP/1.1 200", "round {round}");
                kept_open.push(stream);
            }
        }
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
        // The listener closes as the server's thread ends, just after the drop.
        let closed = (0..200).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(10));
            TcpStream::connect(&address).is_err()
        });
        assert!(closed, "still accepting connections on {address}");
    }
}
