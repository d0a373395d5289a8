//! A careful HTTP fetcher: timeouts, a body cap, redirects followed by hand
//! so that every hop is checked, and no connection to private, loopback or
//! link-local addresses unless allowed.

use std::collections::HashMap;
use std::io::Read;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use url::Url;

use crate::IngestError;

/// The User-Agent Veille sends: who we are and, when the package names its
/// repository, where to read about us.
pub fn user_agent() -> String {
    let repo = env!("CARGO_PKG_REPOSITORY");
    if repo.is_empty() {
        format!("Veille/{}", env!("CARGO_PKG_VERSION"))
    } else {
        format!("Veille/{} (+{repo})", env!("CARGO_PKG_VERSION"))
    }
}

/// The product token robots.txt rules are matched against.
pub const ROBOTS_AGENT: &str = "Veille";

#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    /// Longest wait for the response head, and again for the body.
    pub read_timeout: Duration,
    pub max_body_bytes: u64,
    pub max_redirects: u32,
    /// Allow private, loopback and link-local addresses (tests, intranets).
    pub allow_private: bool,
    /// Shortest gap between two requests to one host.
    pub min_host_delay: Duration,
    /// Obey robots.txt (on by default).
    pub respect_robots: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            max_body_bytes: 10 << 20,
            max_redirects: 5,
            allow_private: false,
            min_host_delay: Duration::from_secs(1),
            respect_robots: true,
        }
    }
}

/// What a fetch returned.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    /// 200, or 304 when the conditional request found nothing new (then `body` is empty).
    pub status: u16,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body: Vec<u8>,
}

/// Validators from an earlier response, for a conditional request.
#[derive(Debug, Clone, Default)]
pub struct Conditional {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Why an address may not be connected to, or `None` when it is public.
pub fn forbidden_reason(ip: IpAddr) -> Option<&'static str> {
    // IPv6 forms that carry an IPv4 address are judged by that address:
    // mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::).
    let ip = match ip {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            let embedded =
                |hi: u16, lo: u16| std::net::Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
            if let Some(v4) = v6.to_ipv4_mapped() {
                IpAddr::V4(v4)
            } else if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                IpAddr::V4(embedded(s[6], s[7]))
            } else if s[0] == 0x2002 {
                IpAddr::V4(embedded(s[1], s[2]))
            } else {
                IpAddr::V6(v6)
            }
        }
        v4 => v4,
    };
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            if v4.is_loopback() {
                Some("loopback")
            } else if v4.is_private() || (o[0] == 100 && (64..128).contains(&o[1])) {
                Some("private")
            } else if v4.is_link_local() {
                Some("link-local")
            } else if v4.is_unspecified() || v4.is_broadcast() || v4.is_multicast() || o[0] == 0 || o[0] >= 240 {
                Some("not a unicast address")
            } else {
                None
            }
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() || v6.is_multicast() {
                Some("not a unicast address")
            } else if (s[0] & 0xffc0) == 0xfe80 {
                Some("link-local")
            } else if (s[0] & 0xfe00) == 0xfc00 {
                Some("private")
            } else {
                None
            }
        }
    }
}

/// Resolves like ureq's default resolver, then drops forbidden addresses, so
/// the check and the connection use the very same addresses (no DNS
/// rebinding window between them).
#[derive(Debug)]
struct GuardedResolver {
    inner: DefaultResolver,
    allow_private: bool,
}

impl Resolver for GuardedResolver {
    fn resolve(&self, uri: &Uri, config: &Config, timeout: NextTimeout) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let all = self.inner.resolve(uri, config, timeout)?;
        if self.allow_private {
            return Ok(all);
        }
        let mut kept = self.empty();
        let mut refused: Option<(SocketAddr, &str)> = None;
        for addr in all.iter() {
            match forbidden_reason(addr.ip()) {
                None => kept.push(*addr),
                Some(why) => refused = refused.or(Some((*addr, why))),
            }
        }
        if kept.is_empty() {
            let (addr, why) = refused.expect("the default resolver returns at least one address");
            return Err(ureq::Error::Io(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!(
                    "refused to connect to {} ({why} address) for {}; pass --allow-private to allow it",
                    addr.ip(),
                    uri.host().unwrap_or("?")
                ),
            )));
        }
        Ok(kept)
    }
}

/// A blocking fetcher shared by `ingest` and `watch`.
pub struct Fetcher {
    agent: ureq::Agent,
    options: FetchOptions,
    last_request: HashMap<String, Instant>,
    robots: HashMap<String, Arc<Robots>>,
}

/// A host's robots.txt, parsed.
pub struct Robots {
    robot: Option<texting_robots::Robot>,
    pub crawl_delay: Option<Duration>,
}

impl Robots {
    pub fn allowed(&self, url: &str) -> bool {
        self.robot.as_ref().is_none_or(|r| r.allowed(url))
    }
}

impl Fetcher {
    pub fn new(options: FetchOptions) -> Fetcher {
        let config = Config::builder()
            .timeout_connect(Some(options.connect_timeout))
            .timeout_resolve(Some(options.connect_timeout))
            .timeout_recv_response(Some(options.read_timeout))
            .timeout_recv_body(Some(options.read_timeout))
            .max_redirects(0)
            .http_status_as_error(false)
            // An environment proxy would resolve and connect for us, out of the guard's reach.
            .proxy(None)
            .user_agent(user_agent())
            .build();
        let resolver = GuardedResolver {
            inner: DefaultResolver::default(),
            allow_private: options.allow_private,
        };
        Fetcher {
            agent: ureq::Agent::with_parts(config, DefaultConnector::default(), resolver),
            options,
            last_request: HashMap::new(),
            robots: HashMap::new(),
        }
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// GETs `url`, following redirects by hand and checking robots.txt and
    /// the address of every hop.
    pub fn get(&mut self, url: &str, conditional: &Conditional, accept: &str) -> Result<Fetched, IngestError> {
        let mut current = parse_http_url(url)?;
        for _ in 0..=self.options.max_redirects {
            if self.options.respect_robots {
                let robots = self.robots_for(&current)?;
                if !robots.allowed(current.as_str()) {
                    return Err(IngestError::Fetch {
                        url: current.to_string(),
                        problem: "disallowed by the site's robots.txt".into(),
                    });
                }
            }
            let response = self.request(&current, conditional, accept)?;
            let status = response.status().as_u16();
            if (300..400).contains(&status) && status != 304 {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| IngestError::Fetch {
                        url: current.to_string(),
                        problem: format!("redirect {status} without a Location header"),
                    })?;
                let next = current.join(location).map_err(|e| IngestError::Fetch {
                    url: current.to_string(),
                    problem: format!("bad redirect Location {location:?}: {e}"),
                })?;
                current = parse_http_url(next.as_str())?;
                continue;
            }
            return self.finish(current, response);
        }
        Err(IngestError::Fetch {
            url: url.to_string(),
            problem: format!("more than {} redirects", self.options.max_redirects),
        })
    }

    fn request(
        &mut self,
        url: &Url,
        conditional: &Conditional,
        accept: &str,
    ) -> Result<ureq::http::Response<ureq::Body>, IngestError> {
        self.wait_for_host(url);
        let mut req = self.agent.get(url.as_str()).header("Accept", accept);
        if let Some(etag) = &conditional.etag {
            req = req.header("If-None-Match", etag);
        }
        if let Some(lm) = &conditional.last_modified {
            req = req.header("If-Modified-Since", lm);
        }
        req.call().map_err(|e| IngestError::Fetch {
            url: url.to_string(),
            problem: e.to_string(),
        })
    }

    fn finish(&self, url: Url, mut response: ureq::http::Response<ureq::Body>) -> Result<Fetched, IngestError> {
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(String::from)
        };
        let content_type = header("content-type");
        let etag = header("etag");
        let last_modified = header("last-modified");
        if status == 304 {
            return Ok(Fetched {
                url: url.to_string(),
                status,
                content_type,
                etag,
                last_modified,
                body: Vec::new(),
            });
        }
        if !(200..300).contains(&status) {
            return Err(IngestError::Fetch {
                url: url.to_string(),
                problem: format!("HTTP status {status}"),
            });
        }
        let cap = self.options.max_body_bytes;
        let mut body = Vec::new();
        // Read one byte past the cap to tell "exactly the cap" from "over it".
        response
            .body_mut()
            .as_reader()
            .take(cap + 1)
            .read_to_end(&mut body)
            .map_err(|e| IngestError::Fetch {
                url: url.to_string(),
                problem: format!("reading the body failed: {e}"),
            })?;
        if body.len() as u64 > cap {
            return Err(IngestError::Fetch {
                url: url.to_string(),
                problem: format!("body is over the {cap}-byte limit"),
            });
        }
        Ok(Fetched {
            url: url.to_string(),
            status,
            content_type,
            etag,
            last_modified,
            body,
        })
    }

    fn host_key(url: &Url) -> String {
        format!(
            "{}://{}:{}",
            url.scheme(),
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        )
    }

    /// Sleeps until this host may be asked again (the larger of our own
    /// minimum and the site's Crawl-delay).
    fn wait_for_host(&mut self, url: &Url) {
        let key = Fetcher::host_key(url);
        let mut gap = self.options.min_host_delay;
        if let Some(delay) = self.robots.get(&key).and_then(|r| r.crawl_delay) {
            gap = gap.max(delay.min(Duration::from_secs(60)));
        }
        if let Some(last) = self.last_request.get(&key) {
            let since = last.elapsed();
            if since < gap {
                std::thread::sleep(gap - since);
            }
        }
        self.last_request.insert(key, Instant::now());
    }

    /// The host's robots.txt, fetched once per run. A missing file (4xx)
    /// allows everything, as RFC 9309 says; so does a redirected one, which we
    /// do not follow (RFC 9309 allows either). A 5xx or a network failure
    /// means "do not crawl now", as the RFC also says.
    pub fn robots_for(&mut self, url: &Url) -> Result<Arc<Robots>, IngestError> {
        let key = Fetcher::host_key(url);
        if let Some(r) = self.robots.get(&key) {
            return Ok(r.clone());
        }
        let mut robots_url = url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        robots_url.set_fragment(None);
        let robots = match self.request(&robots_url, &Conditional::default(), "text/plain") {
            Ok(mut resp) if resp.status().is_success() => {
                let mut body = Vec::new();
                let _ = resp.body_mut().as_reader().take(512 << 10).read_to_end(&mut body);
                let robot = texting_robots::Robot::new(ROBOTS_AGENT, &body).ok();
                let crawl_delay = robot
                    .as_ref()
                    .and_then(|r| r.delay)
                    .filter(|d| d.is_finite() && *d >= 0.0)
                    .map(Duration::from_secs_f32);
                Robots { robot, crawl_delay }
            }
            Ok(resp) if resp.status().is_client_error() || resp.status().is_redirection() => Robots {
                robot: None,
                crawl_delay: None,
            },
            Ok(resp) => {
                return Err(IngestError::Fetch {
                    url: robots_url.to_string(),
                    problem: format!(
                        "robots.txt answered {}; not crawling this host now",
                        resp.status().as_u16()
                    ),
                })
            }
            Err(e) => return Err(e),
        };
        let robots = Arc::new(robots);
        self.robots.insert(key, robots.clone());
        Ok(robots)
    }
}

fn parse_http_url(url: &str) -> Result<Url, IngestError> {
    let parsed = Url::parse(url).map_err(|e| IngestError::Fetch {
        url: url.to_string(),
        problem: format!("not a URL: {e}"),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(IngestError::Fetch {
            url: url.to_string(),
            problem: format!("scheme {:?} is not http or https", parsed.scheme()),
        });
    }
    if parsed.host_str().is_none() {
        return Err(IngestError::Fetch {
            url: url.to_string(),
            problem: "no host".into(),
        });
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_addresses_are_named() {
        let r = |s: &str| forbidden_reason(s.parse().unwrap());
        assert_eq!(r("127.0.0.1"), Some("loopback"));
        assert_eq!(r("10.1.2.3"), Some("private"));
        assert_eq!(r("192.168.0.1"), Some("private"));
        assert_eq!(r("172.16.5.4"), Some("private"));
        assert_eq!(r("100.64.0.1"), Some("private"));
        assert_eq!(r("169.254.169.254"), Some("link-local"));
        assert_eq!(r("::1"), Some("loopback"));
        assert_eq!(r("::ffff:127.0.0.1"), Some("loopback"));
        assert_eq!(r("fe80::1"), Some("link-local"));
        assert_eq!(r("64:ff9b::a9fe:a9fe"), Some("link-local"), "NAT64 of 169.254.169.254");
        assert_eq!(r("2002:7f00:1::"), Some("loopback"), "6to4 of 127.0.0.1");
        assert_eq!(r("fd00::1"), Some("private"));
        assert_eq!(r("0.0.0.0"), Some("not a unicast address"));
        assert_eq!(r("93.184.216.34"), None);
        assert_eq!(r("2606:4700::1111"), None);
    }

    #[test]
    fn only_http_urls() {
        assert!(parse_http_url("file:///etc/passwd").is_err());
        assert!(parse_http_url("https://example.org/a").is_ok());
    }
}
