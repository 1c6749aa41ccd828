//! Fetching a page to import: the proxy from the environment (`HTTPS_PROXY`,
//! `NO_PROXY`…), redirects followed, a timeout and a size cap.

use std::time::Duration;

/// The whole fetch, connection to last byte.
const TIMEOUT: Duration = Duration::from_secs(30);
const MAX_REDIRECTS: u32 = 10;

/// A fetched page: the url it ended at (after redirects) and its bytes.
pub struct Fetched {
    pub final_url: String,
    pub bytes: Vec<u8>,
}

/// GETs `url`, or says in a few words why not.
pub fn fetch(url: &str) -> Result<Fetched, String> {
    let parsed = url::Url::parse(url).map_err(|e| format!("{url} is not a URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!("{url} is not an http or https URL"));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(concat!("claimdesk/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::StatusCode(code) => format!("the server answered {code}"),
        ureq::Error::Timeout(_) => format!("no answer within {} s", TIMEOUT.as_secs()),
        other => other.to_string(),
    })?;
    let final_url = {
        use ureq::ResponseExt;
        response.get_uri().to_string()
    };
    let bytes = response
        .body_mut()
        .with_config()
        .limit(super::extract::MAX_PAGE_BYTES as u64)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => format!(
                "the page is over the {} MB a page may have",
                super::extract::MAX_PAGE_BYTES / 1024 / 1024
            ),
            other => other.to_string(),
        })?;
    Ok(Fetched { final_url, bytes })
}
