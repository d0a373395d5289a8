//! Feeds, pages, watch polls and the fetcher's safety, against an HTTP server
//! on 127.0.0.1 that the tests start and fill with texts of our own writing.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use veille_extract::Extractor;
use veille_ingest::fetch::{Conditional, FetchOptions, Fetcher};
use veille_ingest::progress::Progress;
use veille_ingest::veille_store::Store;
use veille_ingest::watch::{self, WatchConfig};
use veille_ingest::{IngestOptions, Ingester};

#[derive(Clone, Debug)]
struct Request {
    path: String,
    headers: HashMap<String, String>,
}

#[derive(Clone)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status: 200,
        headers: vec![("Content-Type".into(), content_type.into())],
        body: body.into(),
    }
}

fn status(code: u16) -> Reply {
    Reply {
        status: code,
        headers: vec![],
        body: vec![],
    }
}

type Route = Box<dyn Fn(&Request) -> Reply + Send + Sync>;

struct Server {
    base: String,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    log: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let (r, l) = (routes.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let (r, l) = (r.clone(), l.clone());
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut first = String::new();
                    if reader.read_line(&mut first).is_err() {
                        return;
                    }
                    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
                    let mut headers = HashMap::new();
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                            break;
                        }
                        if let Some((k, v)) = line.split_once(':') {
                            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                        }
                    }
                    let req = Request {
                        path: path.clone(),
                        headers,
                    };
                    l.lock().unwrap().push(req.clone());
                    let reply = match r.lock().unwrap().get(&path) {
                        Some(route) => route(&req),
                        None => status(404),
                    };
                    if reply.status == 0 {
                        // Hang: never answer, to exercise the read timeout.
                        std::thread::sleep(Duration::from_secs(5));
                        return;
                    }
                    let mut out = format!(
                        "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                        reply.status,
                        reply.body.len()
                    );
                    for (k, v) in &reply.headers {
                        out.push_str(&format!("{k}: {v}\r\n"));
                    }
                    out.push_str("\r\n");
                    let _ = stream.write_all(out.as_bytes());
                    let _ = stream.write_all(&reply.body);
                });
            }
        });
        Server { base, routes, log }
    }

    fn route(&self, path: &str, f: impl Fn(&Request) -> Reply + Send + Sync + 'static) {
        self.routes.lock().unwrap().insert(path.to_string(), Box::new(f));
    }

    fn page(&self, path: &str, html: &str) {
        let html = html.to_string();
        self.route(path, move |_| ok("text/html; charset=utf-8", html.clone()));
    }

    fn hits(&self, path: &str) -> Vec<Request> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn article(title: &str, date: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html lang=\"fr\"><head><title>{title}</title>\
<meta property=\"article:published_time\" content=\"{date}\"></head>\
<body><nav><a href=\"/\">Accueil</a> <a href=\"/sport\">Sport</a></nav>\
<article><h1>{title}</h1>{body}</article><footer>Tous droits réservés</footer></body></html>"
    )
}

const A1: &str = "Des hommes armés ont attaqué le poste de gendarmerie de Tonka, dans le cercle de Goundam, dans la nuit de lundi à mardi.";
const A2: &str =
    "Deux gendarmes ont été tués et un véhicule incendié, selon une source sécuritaire jointe par notre rédaction.";
const B1: &str =
    "A Goundam, des commerçants ont manifesté mardi matin devant la mairie contre la hausse du prix du carburant.";
const B2: &str = "La manifestation s'est dispersée dans le calme en fin de matinée, sans incident signalé par les autorités locales.";

fn rss(server: &Server, items: &[(&str, &str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(title, path, date)| {
            format!(
                "<item><title>{title}</title><link>{}</link><guid>{path}</guid><pubDate>{date}</pubDate></item>",
                server.url(path)
            )
        })
        .collect();
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Journal du Nord</title>{items}</channel></rss>")
}

fn options(allow_private: bool) -> IngestOptions {
    IngestOptions {
        fetch: FetchOptions {
            allow_private,
            min_host_delay: Duration::ZERO,
            read_timeout: Duration::from_secs(2),
            connect_timeout: Duration::from_secs(2),
            ..FetchOptions::default()
        },
        ..Default::default()
    }
}

fn ingester(allow_private: bool) -> Ingester {
    Ingester::new(
        Store::open_in_memory().unwrap(),
        Extractor::new(None).unwrap(),
        options(allow_private),
        Progress::quiet(),
    )
}

fn serve_two_articles(server: &Server) {
    server.page(
        "/a.html",
        &article("Attaque à Tonka", "2024-03-05T08:00:00+00:00", &[A1, A2]),
    );
    server.page(
        "/b.html",
        &article("Manifestation à Goundam", "2024-03-05T12:30:00+00:00", &[B1, B2]),
    );
    let feed = rss(
        server,
        &[
            ("Attaque à Tonka", "/a.html", "Tue, 05 Mar 2024 08:00:00 +0000"),
            ("Manifestation à Goundam", "/b.html", "Tue, 05 Mar 2024 12:30:00 +0000"),
        ],
    );
    server.route("/feed.xml", move |_| ok("application/rss+xml", feed.clone()));
}

#[test]
fn a_feed_brings_its_articles_once() {
    let server = Server::start();
    serve_two_articles(&server);
    let mut ing = ingester(true);
    ing.ingest(&server.url("/feed.xml")).unwrap();
    assert_eq!(ing.summary.new, 2, "{}", ing.summary);
    assert_eq!(ing.summary.errors, 0);
    let doc = ing.store.document(&server.url("/a.html")).unwrap().unwrap();
    assert_eq!(doc.title.as_deref(), Some("Attaque à Tonka"));
    assert_eq!(doc.published.as_deref(), Some("2024-03-05T08:00:00"));
    assert_eq!(doc.lang.as_deref(), Some("fr"));
    assert_eq!(doc.source.as_deref(), Some("Journal du Nord"));
    assert!(doc.text.contains("poste de gendarmerie"));
    assert!(
        !doc.text.contains("Tous droits réservés"),
        "boilerplate stays out: {}",
        doc.text
    );
    let ua = &server.hits("/feed.xml")[0].headers["user-agent"];
    assert!(ua.starts_with("Veille/"), "{ua}");

    // Again: nothing new, and known pages are not fetched again.
    ing.ingest(&server.url("/feed.xml")).unwrap();
    assert_eq!(ing.summary.new, 2);
    assert_eq!(ing.summary.unchanged, 2);
    assert_eq!(server.hits("/a.html").len(), 1);
    assert_eq!(ing.store.counts().unwrap().documents, 2);
    assert_eq!(ing.store.search("manifest", 5).unwrap().len(), 0, "whole words only");
    assert_eq!(ing.store.search("manifest*", 5).unwrap().len(), 1);
    assert_eq!(
        ing.store.search("MANIFESTE", 5).unwrap().len(),
        1,
        "accents and case ignored"
    );
    assert_eq!(
        ing.store.search("carburant", 5).unwrap()[0].doc_id,
        server.url("/b.html")
    );
}

#[test]
fn a_page_url_is_one_document_and_an_update_replaces_it() {
    let server = Server::start();
    let version = Arc::new(Mutex::new(1));
    let v = version.clone();
    server.route("/live.html", move |_| {
        let text = if *v.lock().unwrap() == 1 {
            A2.to_string()
        } else {
            A2.replace("Deux", "Trois")
        };
        ok("text/html", article("Attaque à Tonka", "2024-03-05", &[A1, &text]))
    });
    let mut ing = ingester(true);
    ing.ingest(&server.url("/live.html")).unwrap();
    ing.ingest(&server.url("/live.html")).unwrap();
    assert_eq!((ing.summary.new, ing.summary.unchanged), (1, 1), "{}", ing.summary);
    *version.lock().unwrap() = 2;
    ing.ingest(&server.url("/live.html")).unwrap();
    assert_eq!(ing.summary.updated, 1, "{}", ing.summary);
    let doc = ing.store.document(&server.url("/live.html")).unwrap().unwrap();
    assert!(doc.text.contains("Trois gendarmes"));
    assert_eq!(ing.store.counts().unwrap().documents, 1);
}

#[test]
fn loopback_is_refused_unless_allowed() {
    let server = Server::start();
    serve_two_articles(&server);
    let mut ing = ingester(false);
    ing.ingest(&server.url("/feed.xml")).unwrap();
    assert_eq!(ing.summary.errors, 1);
    assert_eq!(ing.store.counts().unwrap().documents, 0);
    assert!(
        server.hits("/feed.xml").is_empty(),
        "no request may reach a refused address"
    );
    let mut f = Fetcher::new(options(false).fetch);
    let err = f
        .get(&server.url("/a.html"), &Conditional::default(), "*/*")
        .unwrap_err();
    assert!(err.to_string().contains("loopback"), "{err}");
    let err = f
        .get("http://localhost:1/x", &Conditional::default(), "*/*")
        .unwrap_err();
    assert!(
        err.to_string().contains("refused to connect"),
        "names resolve before the check: {err}"
    );
}

#[test]
fn redirects_are_followed_by_hand_and_limited() {
    let server = Server::start();
    serve_two_articles(&server);
    for i in 0..10 {
        let next = format!("/hop{}", i + 1);
        server.route(&format!("/hop{i}"), move |_| Reply {
            status: 302,
            headers: vec![("Location".into(), next.clone())],
            body: vec![],
        });
    }
    server.route("/moved", |_| Reply {
        status: 301,
        headers: vec![("Location".into(), "/a.html".into())],
        body: vec![],
    });
    let mut f = Fetcher::new(options(true).fetch);
    let got = f.get(&server.url("/moved"), &Conditional::default(), "*/*").unwrap();
    assert!(got.url.ends_with("/a.html"));
    let err = f.get(&server.url("/hop0"), &Conditional::default(), "*/*").unwrap_err();
    assert!(err.to_string().contains("more than 5 redirects"), "{err}");
    assert_eq!(server.hits("/hop6").len(), 0, "the sixth hop is never asked for");
}

#[test]
fn bodies_over_the_cap_and_silent_servers_fail_cleanly() {
    let server = Server::start();
    server.route("/big.html", |_| ok("text/html", vec![b'x'; 300_000]));
    server.route("/hang.html", |_| status(0));
    let mut opts = options(true).fetch;
    opts.max_body_bytes = 100_000;
    opts.read_timeout = Duration::from_millis(500);
    let mut f = Fetcher::new(opts);
    let err = f
        .get(&server.url("/big.html"), &Conditional::default(), "*/*")
        .unwrap_err();
    assert!(err.to_string().contains("over the 100000-byte limit"), "{err}");
    let started = std::time::Instant::now();
    assert!(f
        .get(&server.url("/hang.html"), &Conditional::default(), "*/*")
        .is_err());
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "the read timeout ends the wait"
    );
}

#[test]
fn robots_txt_is_obeyed() {
    let server = Server::start();
    server.route("/robots.txt", |_| {
        ok(
            "text/plain",
            "User-agent: *\nAllow: /\n\nUser-agent: Veille\nDisallow: /private/\n",
        )
    });
    server.page("/private/x.html", &article("Privé", "2024-03-05", &[A1, A2]));
    server.page("/public.html", &article("Public", "2024-03-05", &[B1, B2]));
    let mut f = Fetcher::new(options(true).fetch);
    let err = f
        .get(&server.url("/private/x.html"), &Conditional::default(), "*/*")
        .unwrap_err();
    assert!(err.to_string().contains("robots.txt"), "{err}");
    assert!(server.hits("/private/x.html").is_empty());
    assert!(f
        .get(&server.url("/public.html"), &Conditional::default(), "*/*")
        .is_ok());
    assert_eq!(server.hits("/robots.txt").len(), 1, "robots.txt is read once per host");
}

#[test]
fn watch_sends_conditional_requests_and_picks_up_new_items() {
    let server = Server::start();
    serve_two_articles(&server);
    let items = Arc::new(Mutex::new(vec![(
        "Attaque à Tonka",
        "/a.html",
        "Tue, 05 Mar 2024 08:00:00 +0000",
    )]));
    let (it, base) = (items.clone(), server.url(""));
    server.route("/watched.xml", move |req| {
        let items = it.lock().unwrap().clone();
        let etag = format!("\"v{}\"", items.len());
        if req.headers.get("if-none-match") == Some(&etag) {
            return status(304);
        }
        let body: String = items
            .iter()
            .map(|(t, p, d)| {
                format!("<item><title>{t}</title><link>{base}{p}</link><guid>{p}</guid><pubDate>{d}</pubDate></item>")
            })
            .collect();
        let mut reply = ok(
            "application/rss+xml",
            format!("<rss version=\"2.0\"><channel><title>Le Veilleur</title>{body}</channel></rss>"),
        );
        reply.headers.push(("ETag".into(), etag));
        reply
    });
    let config = WatchConfig::parse(
        "test.toml",
        &format!(
            "[[source]]\nname = \"Le Veilleur\"\nurl = \"{}\"\ncountry = \"ML\"\nlang = \"fr\"\n",
            server.url("/watched.xml")
        ),
    )
    .unwrap();
    let mut ing = ingester(true);
    let base_opts = options(true);
    watch::run(&mut ing, &config, &base_opts, true, &|| false).unwrap();
    assert_eq!(ing.summary.new, 1, "{}", ing.summary);
    let doc = ing.store.document(&server.url("/a.html")).unwrap().unwrap();
    assert_eq!(doc.country.as_deref(), Some("ML"));
    assert_eq!(doc.source.as_deref(), Some("Le Veilleur"));

    // Nothing changed: the server answers 304 to our ETag.
    watch::run(&mut ing, &config, &base_opts, true, &|| false).unwrap();
    let polls = server.hits("/watched.xml");
    assert_eq!(
        polls[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );

    // A new item appears: the next poll stores it.
    items
        .lock()
        .unwrap()
        .push(("Manifestation à Goundam", "/b.html", "Tue, 05 Mar 2024 12:30:00 +0000"));
    watch::run(&mut ing, &config, &base_opts, true, &|| false).unwrap();
    assert_eq!(ing.summary.new, 2, "{}", ing.summary);
    assert_eq!(ing.store.counts().unwrap().documents, 2);
}

#[test]
fn an_unreachable_page_falls_back_to_the_feeds_text() {
    let server = Server::start();
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>Brèves</title><item><title>Tonka</title><link>{}</link>\
<description>&lt;p&gt;{A1}&lt;/p&gt;&lt;p&gt;{A2}&lt;/p&gt;</description></item></channel></rss>",
        server.url("/gone.html")
    );
    server.route("/breves.xml", move |_| ok("application/rss+xml", feed.clone()));
    let mut ing = ingester(true);
    ing.ingest(&server.url("/breves.xml")).unwrap();
    assert_eq!(ing.summary.new, 1, "{}", ing.summary);
    let doc = ing.store.document(&server.url("/gone.html")).unwrap().unwrap();
    assert!(doc.text.starts_with("Des hommes armés"), "{}", doc.text);
}
