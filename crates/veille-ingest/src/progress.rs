//! Progress: a bar on a terminal, one plain line per document otherwise
//! (logs, CI, pipes).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Progress {
    /// A bar when `terminal` is true, log lines on standard error otherwise.
    pub fn new(terminal: bool) -> Progress {
        let bar = terminal.then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} {msg}")
                    .expect("the template is valid"),
            );
            bar
        });
        Progress { bar, quiet: false }
    }

    /// Errors only (tests, `--quiet`).
    pub fn quiet() -> Progress {
        Progress { bar: None, quiet: true }
    }

    /// Adds `n` items to the work to do.
    pub fn set_length(&mut self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc_length(n);
        }
    }

    pub fn inc_file(&mut self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    pub fn document(&mut self, id: &str, what: &str, events: usize) {
        match &self.bar {
            Some(bar) => bar.set_message(format!("{what}: {id}")),
            None if !self.quiet => eprintln!("{what}: {id} ({events} events)"),
            None => {}
        }
    }

    pub fn note(&mut self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None if !self.quiet => eprintln!("{line}"),
            None => {}
        }
    }

    pub fn error(&mut self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(format!("error: {line}")),
            None => eprintln!("error: {line}"),
        }
    }

    pub fn finish(&self, summary: &str) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if !self.quiet {
            eprintln!("{summary}");
        }
    }
}
