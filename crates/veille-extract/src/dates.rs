//! Date mentions, resolved against the publication date.
//!
//! A date without a year is the latest such date on or before publication ("le 3 juin"
//! published on 5 March 2024 is 3 June 2023); a weekday is the latest such day on or
//! before publication ("mardi dernier", "last Tuesday": strictly before). Precision follows
//! ACLED: 1 the day, 2 the week or weekend, 3 the month.

use chrono::{Datelike, Duration, NaiveDate};
use veille_text::Token;

use crate::folded::Hit;
use crate::lexicon::{Lexicons, Relative};
use crate::mentions::FoldedWords;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offsets into the section (body or title) the mention was found in.
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
    pub precision: u8,
    /// Said relative to publication ("hier", "overnight"): weaker than a written date.
    pub relative: bool,
    /// Right after a verb of reporting ("le bilan publié par le ministère ce vendredi 6 mai",
    /// "selon un communiqué du 6 août"): the day of the report, not of what it tells.
    pub reported: bool,
    /// The byte span of another dated thing the date qualifies as its genitive ("le coup
    /// d'État du 24 janvier", "the elections of 3 May"): that thing's day, not the day of
    /// an event the sentence tells around it.
    pub of_thing: Option<(usize, usize)>,
    /// A span of about a week or more written out ("du 10 au 16 janvier"), dated by its
    /// first day: the span of a summary, where a few days ("between 27 and 29 March") may
    /// still be one raid.
    pub over_days: bool,
}

/// A date written out in the text, to the day.
fn written(start: usize, end: usize, date: NaiveDate) -> DateMention {
    DateMention {
        start,
        end,
        date,
        precision: 1,
        relative: false,
        over_days: false,
        reported: false,
        of_thing: None,
    }
}

/// ACLED's time precision of an event dated by a range of days: the day itself for a night
/// or two days ("dans la nuit du 3 au 4", "between 24 - 25 January"), the week for a span
/// up to a week ("du 10 au 16 janvier"), the month for a longer one ("du 2 février au 3
/// mars"), which tells totals rather than one event.
fn range_precision(days: i64) -> u8 {
    match days {
        ..=1 => 1,
        2..=7 => 2,
        _ => 3,
    }
}

/// Days from a range's first to its last day from which the range is a summary's span.
const WEEK_LONG_SPAN_DAYS: i64 = 6;

/// The day ACLED codes an event known only by its month to.
const MID_MONTH: u32 = 15;
/// Words before a month named alone, without a year, that make it the time of an event
/// ("courant juillet", "during July"); "in May" alone may be any May ("in May the rains").
const MONTH_INTRODUCERS: &[&str] = &["during", "courant", "durant", "mois"];

/// "3", "1er", "18th", "1st", "22nd", "3rd": a day of the month.
#[inline]
fn starts_with_digit(folded: &str) -> bool {
    folded.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn day_number(folded: &str) -> Option<u32> {
    // Folds hold no sign: a number starts with a digit, and most words are settled here,
    // before five suffixes are tried.
    if !starts_with_digit(folded) {
        return None;
    }
    let digits = ["er", "st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| folded.strip_suffix(s))
        .unwrap_or(folded);
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(folded: &str) -> Option<i32> {
    if !starts_with_digit(folded) {
        return None;
    }
    let y: i32 = folded.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Words before a year written alone that make it the time of what the sentence tells ("in
/// 1723", "the 1985 flood", "memories of 2003").
const YEAR_INTRODUCERS: &[&str] = &["in", "of", "the", "during", "until", "before", "by"];

/// Years written alone ("In 1723, the colony passed a curfew", "the 1985 flood of the
/// valley"), outside the sentence's `dates`, each as the last day of its year. They give no
/// event its day: they only say, when the year is long over, that what the sentence tells is
/// history (see `frames::drop_long_past`).
pub fn find_years(tokens: &[Token<'_>], folded_tokens: &FoldedWords<'_>, dates: &[DateMention]) -> Vec<DateMention> {
    let ft = |i: usize| folded_tokens.get(i).unwrap_or("");
    (1..tokens.len())
        .filter(|&i| YEAR_INTRODUCERS.contains(&ft(i - 1)) && ft(i).len() == 4)
        .filter(|&i| {
            !dates
                .iter()
                .any(|d| d.start <= tokens[i].start && tokens[i].end <= d.end)
        })
        .filter_map(|i| {
            let y: i32 = ft(i).parse().ok().filter(|y| (1000..=2100).contains(y))?;
            Some(DateMention {
                start: tokens[i].start,
                end: tokens[i].end,
                date: NaiveDate::from_ymd_opt(y, 12, 31)?,
                precision: 3,
                relative: false,
                over_days: false,
                reported: false,
                of_thing: None,
            })
        })
        .collect()
}

/// A written day and month: in the year given, else the latest such day on or
/// before the reference (publication) date.
fn day_of(year: Option<i32>, month: u32, day: u32, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day),
        None => reference.and_then(|r| latest_on_or_before(month, day, r)),
    }
}

/// The latest `month`/`day` on or before `reference`.
fn latest_on_or_before(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    for year in [reference.year(), reference.year() - 1] {
        if let Some(d) = NaiveDate::from_ymd_opt(year, month, day) {
            if d <= reference {
                return Some(d);
            }
        }
    }
    None
}

fn weekday_before(weekday: u32, reference: NaiveDate, strictly: bool) -> NaiveDate {
    let current = reference.weekday().number_from_monday();
    let mut back = (7 + current as i64 - weekday as i64) % 7;
    if back == 0 && strictly {
        back = 7;
    }
    reference - Duration::days(back)
}

/// Every date mention of one sentence, given its tokens, their folded forms and its
/// relative date phrases. `reference` is the publication date; without it only dates that
/// carry their year are found.
pub fn find_dates(
    lex: &Lexicons,
    tokens: &[Token<'_>],
    folded_tokens: &FoldedWords<'_>,
    relative: &[Hit<'_, Relative>],
    reference: Option<NaiveDate>,
) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let n = tokens.len();
    let ft = |i: usize| folded_tokens.get(i).unwrap_or("");
    let month = |i: usize| lex.months.get(ft(i)).copied();
    let mut i = 0;
    while i < n {
        // ISO 2020-08-01 and dd/mm/yyyy: three numbers and two separators.
        // Both forms open with a number: other words skip the separator comparisons.
        let numeric = |sep: &str| -> Option<(&str, &str, &str)> {
            (i + 4 < n && starts_with_digit(ft(i)) && tokens[i + 1].text == sep && tokens[i + 3].text == sep)
                .then(|| (ft(i), ft(i + 2), ft(i + 4)))
        };
        let iso = numeric("-").and_then(|(y, m, d)| Some((year_number(y)?, m.parse().ok()?, d.parse().ok()?)));
        let slashed = numeric("/").and_then(|(d, m, y)| Some((year_number(y)?, m.parse().ok()?, day_number(d)?)));
        if let Some(date) = iso.or(slashed).and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)) {
            out.push(written(tokens[i].start, tokens[i + 4].end, date));
            i += 5;
            continue;
        }
        if let Some(d) = day_number(ft(i)) {
            // "3 juin [2024]", "du 3 au 4 juin", "between 24 - 25 January", "the 21st of July",
            // "dans la nuit du vendredi 26 au samedi 27 août": the first day of a range.
            // The token after a range's second day ("au [samedi] 27", "to 2", "- 25"), when
            // the token at `k` opens one.
            // "entre le 3 et le 8 mai": the second day may take its article again.
            let past_second_day = |k: usize| {
                if !(k < n && matches!(ft(k), "au" | "a" | "to" | "and" | "et" | "")) {
                    return None;
                }
                let article = usize::from(matches!(ft(k + 1), "le" | "the"));
                let weekday = usize::from(lex.weekdays.get(ft(k + 1 + article)).is_some());
                day_number(ft(k + 1 + article + weekday)).map(|_| k + 2 + article + weekday)
            };
            let mut j = past_second_day(i + 1).unwrap_or(i + 1);
            if ft(j) == "of" && month(j + 1).is_some() {
                j += 1;
            }
            if let Some(m) = month(j) {
                let (year, end) = match year_number(ft(j + 1)) {
                    Some(y) => (Some(y), tokens[j + 1].end),
                    None => (None, tokens[j].end),
                };
                // "du 22 juillet au 21 octobre 2022", "from 29 October to 27 December 2021": a
                // range that writes its year once, at its end, dates its first day too (the
                // year before when the first month comes later in the year).
                let year = year.or_else(|| {
                    let mut k = past_second_day(j + 1)?;
                    if ft(k) == "of" {
                        k += 1;
                    }
                    let last_month = month(k)?;
                    let last_year = year_number(ft(k + 1))?;
                    Some(if m > last_month { last_year - 1 } else { last_year })
                });
                let date = day_of(year, m, d, reference);
                if let Some(date) = date {
                    // The range's last day: in the first day's month ("du 10 au 16 janvier"),
                    // or in the month written after it ("du 2 février au 3 mars").
                    let last = match past_second_day(i + 1) {
                        Some(k) => day_number(ft(k - 1)).map(|d2| (d2, m)),
                        None => {
                            let after = if year_number(ft(j + 1)).is_some() { j + 2 } else { j + 1 };
                            past_second_day(after).and_then(|k| {
                                let k_month = if ft(k) == "of" { k + 1 } else { k };
                                Some((day_number(ft(k - 1))?, month(k_month)?))
                            })
                        }
                    };
                    let mut mention = written(tokens[i].start, end, date);
                    if let Some((d2, m2)) = last {
                        let last_date = NaiveDate::from_ymd_opt(date.year(), m2, d2)
                            .filter(|l| *l >= date)
                            .or_else(|| NaiveDate::from_ymd_opt(date.year() + 1, m2, d2));
                        if let Some(last_date) = last_date {
                            let days = (last_date - date).num_days();
                            mention.precision = range_precision(days);
                            mention.over_days = days >= WEEK_LONG_SPAN_DAYS;
                        }
                    }
                    out.push(mention);
                    i = j + 1;
                    continue;
                }
            }
        }
        // The month this word names, asked once for the two rules below.
        let month_here = month(i);
        // "October 27[,] [2020]"
        if let Some(m) = month_here {
            if let Some(d) = day_number(ft(i + 1)) {
                if !matches!(ft(i), "may" | "mars" | "march") || tokens[i].is_capitalized() {
                    let mut end = tokens[i + 1].end;
                    let mut k = i + 2;
                    if k < n && tokens[k].text == "," {
                        k += 1;
                    }
                    let year = year_number(ft(k));
                    if year.is_some() {
                        end = tokens[k].end;
                    }
                    let date = day_of(year, m, d, reference);
                    if let Some(date) = date {
                        out.push(written(tokens[i].start, end, date));
                        i = if year.is_some() { k + 1 } else { i + 2 };
                        continue;
                    }
                }
            }
        }
        // A month alone ("in October 2019", "courant juillet", "en mars 2022"): precision 3 and
        // the 15th, as ACLED codes it, never after the reference.
        if let Some(m) = month_here {
            let year = year_number(ft(i + 1));
            let introduced = i > 0 && MONTH_INTRODUCERS.contains(&ft(i - 1));
            // "en mars 2022": a year right after makes the month of the French, who write
            // it in small letters, whatever else "mars" or "may" may mean.
            let written_month = !matches!(ft(i), "may" | "mars" | "march")
                || tokens[i].is_capitalized()
                || introduced
                || year.is_some();
            if written_month && (year.is_some() || introduced) {
                let date = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, MID_MONTH),
                    None => reference
                        .and_then(|r| latest_on_or_before(m, 1, r))
                        .and_then(|d| d.with_day(MID_MONTH)),
                };
                if let Some(date) = date {
                    let date = reference.map_or(date, |r| date.min(r));
                    let end = if year.is_some() {
                        tokens[i + 1].end
                    } else {
                        tokens[i].end
                    };
                    out.push(DateMention {
                        start: tokens[i].start,
                        end,
                        date,
                        precision: 3,
                        relative: false,
                        over_days: false,
                        reported: false,
                        of_thing: None,
                    });
                    i += if year.is_some() { 2 } else { 1 };
                    continue;
                }
            }
        }
        // Weekdays: "mardi dernier", "last Tuesday", "lundi", "dans la nuit de mardi à mercredi".
        if let (Some(&wd), Some(r)) = (lex.weekdays.get(ft(i)), reference) {
            // "mardi 3 juin" is handled by the day-month rule on the next token.
            if day_number(ft(i + 1)).is_none() {
                let strictly_after = matches!(ft(i + 1), "dernier" | "passe" | "last");
                let strictly_before = i > 0 && matches!(ft(i - 1), "last" | "past");
                let strictly = strictly_after || strictly_before;
                let start = if strictly_before {
                    tokens[i - 1].start
                } else {
                    tokens[i].start
                };
                let end = if strictly_after {
                    tokens[i + 1].end
                } else {
                    tokens[i].end
                };
                out.push(DateMention {
                    start,
                    end,
                    date: weekday_before(wd, r, strictly),
                    precision: 1,
                    relative: false,
                    over_days: false,
                    reported: false,
                    of_thing: None,
                });
                // Skip the second weekday of "de mardi à mercredi".
                i += if matches!(ft(i + 1), "a" | "au" | "to") && lex.weekdays.contains_key(ft(i + 2)) {
                    3
                } else {
                    1
                };
                continue;
            }
        }
        i += 1;
    }
    if let Some(r) = reference {
        for hit in relative {
            if out.iter().any(|d| d.start < hit.end && hit.start < d.end) {
                continue;
            }
            let rel = hit.payload;
            let date = match rel.days {
                // the weekend: the Saturday on or before publication
                -1 => weekday_before(6, r, false),
                // last month / this month: its first day
                -30 => {
                    let first = r.with_day(1).unwrap_or(r);
                    let prev = first - Duration::days(1);
                    prev.with_day(1).unwrap_or(prev)
                }
                -31 => r.with_day(1).unwrap_or(r),
                days => r - Duration::days(days as i64),
            };
            out.push(DateMention {
                start: hit.start,
                end: hit.end,
                date,
                precision: rel.precision,
                relative: true,
                over_days: false,
                reported: false,
                of_thing: None,
            });
        }
    }
    // "Dans un communiqué en date du 7 septembre … l'attaque … le 5 septembre", "parvenu
    // à notre rédaction (ce mercredi 3 août)": the date of the report, not of the event.
    // So is a dateline opening the text in brackets: "(Ouagadougou, 15 juin 2022). Le
    // Président … victimes d'une attaque au cours de la nuit du 11 au 12 juin".
    let dateline_end = (tokens.first().is_some_and(|t| t.text == "("))
        .then(|| tokens.iter().find(|t| t.text == ")").map(|t| t.start))
        .flatten();
    out.retain(|d| {
        let first = tokens.partition_point(|t| t.start < d.start);
        // "en date du 7 septembre" is a report's date; "at an unspecified date in October"
        // is the event's.
        let report_word = |k: usize| {
            REPORT_DATE_WORDS.contains(&ft(k)) && (ft(k) != "date" || matches!(ft(k + 1), "du" | "de" | "d"))
        };
        !(first.saturating_sub(REPORT_DATE_REACH)..first).any(report_word)
            && dateline_end.is_none_or(|end| d.start > end)
    });
    // A written date beats a relative phrase in the same sentence ("Overnight between 22
    // and 23 March"): the preferred date comes first.
    out.sort_by_key(|d| (d.relative, d.start));
    out
}

/// Folded words that, a few words before a date, make it the date a report was written
/// or received.
const REPORT_DATE_WORDS: &[&str] = &["date", "datee", "datees", "dated", "redaction", "newsroom"];

/// How many words before a date [`REPORT_DATE_WORDS`] may stand ("parvenu à notre
/// rédaction (ce mercredi 3 août)").
const REPORT_DATE_REACH: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: &str) -> Vec<(String, u8, String)> {
        let lex = Lexicons::load(None).unwrap();
        let section = crate::mentions::SectionText::new(&lex, text);
        let span = (0, text.len());
        let relative = section.hits(&lex.relative, crate::lexicon::scan::RELATIVE, span);
        let r = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let words = section.words(section.token_range(span));
        find_dates(&lex, &section.words.tokens, &words, &relative, r)
            .into_iter()
            .map(|d| (d.date.to_string(), d.precision, text[d.start..d.end].to_string()))
            .collect()
    }

    #[test]
    fn a_bracketed_dateline_is_the_report_date() {
        let found = dates(
            "(Ouagadougou, 15 juin 2022) Le Président s'est rendu à Seytenga, attaquée dans la nuit du 11 au 12 juin 2022.",
            "2022-06-15",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "2022-06-11");
    }

    #[test]
    fn a_range_dates_its_first_day_with_the_year_written_at_its_end() {
        // Published two days before the range starts: the latest 22 July on or before the
        // publication would be a year too early.
        assert_eq!(
            dates("allant du 22 juillet au 21 octobre 2022", "2022-07-20")[0].0,
            "2022-07-22"
        );
        assert_eq!(
            dates("from 29 December to 2 January 2022", "2021-12-20")[0].0,
            "2021-12-29"
        );
        assert_eq!(
            dates("du vendredi 29 octobre au lundi 27 décembre 2021", "2021-10-26")[0].0,
            "2021-10-29"
        );
    }

    #[test]
    fn a_french_month_in_small_letters_before_its_year_is_the_month() {
        assert_eq!(
            dates("enlevé en mars 2022", "2022-08-08"),
            [("2022-03-15".into(), 3, "mars 2022".into())]
        );
    }

    #[test]
    fn a_range_of_days_is_coded_to_the_week_or_the_month() {
        let precision = |text: &str, published: &str| dates(text, published)[0].1;
        assert_eq!(precision("dans la nuit du 3 au 4 mars", "2024-03-05"), 1);
        assert_eq!(precision("between 24 - 25 January", "2024-01-27"), 1);
        assert_eq!(precision("du 10 au 16 janvier 2022", "2022-01-18"), 2);
        assert_eq!(precision("from 29 December to 2 January 2022", "2022-01-03"), 2);
        assert_eq!(precision("du 2 février au 3 mars 2022", "2022-03-05"), 3);
        assert_eq!(precision("le 10 janvier 2022", "2022-01-18"), 1);
        // The second day with its article again.
        assert_eq!(precision("entre le 3 et le 8 mai 2022", "2022-05-10"), 2);
        assert_eq!(dates("entre le 3 et le 8 mai 2022", "2022-05-10")[0].0, "2022-05-03");
        assert_eq!(precision("between the 3 and the 8 May 2022", "2022-05-10"), 2);
    }

    #[test]
    fn resolves_french_dates() {
        // 2024-03-05 is a Tuesday.
        assert_eq!(dates("hier", "2024-03-05"), [("2024-03-04".into(), 1, "hier".into())]);
        assert_eq!(dates("avant-hier", "2024-03-05")[0].0, "2024-03-03");
        assert_eq!(dates("mardi dernier", "2024-03-05")[0].0, "2024-02-27");
        assert_eq!(dates("lundi", "2024-03-05")[0].0, "2024-03-04");
        assert_eq!(dates("dans la nuit du 3 au 4 mars", "2024-03-05")[0].0, "2024-03-03");
        assert_eq!(
            dates("dans la nuit du vendredi 26 au samedi 27 août 2022", "2022-08-28")[0].0,
            "2022-08-26"
        );
        assert_eq!(
            dates("dans la nuit du vendredi 5 à samedi 6 novembre 2021", "2021-11-08")[0].0,
            "2021-11-05"
        );
        // The date of the statement is not the date of the attack it reports.
        assert_eq!(
            dates(
                "Dans un communiqué en date du 7 septembre 2022, le parti déplore l'attaque du 5 septembre 2022.",
                "2022-09-08"
            )[0]
            .0,
            "2022-09-05"
        );
        assert_eq!(dates("le 3 juin", "2024-03-05")[0].0, "2023-06-03");
        assert_eq!(dates("le 1er mars 2024", "2024-03-05")[0].0, "2024-03-01");
        assert_eq!(
            dates("dans la nuit de samedi à dimanche", "2024-03-05")[0].0,
            "2024-03-02"
        );
        let we = dates("ce week-end", "2024-03-05");
        assert_eq!((we[0].0.as_str(), we[0].1), ("2024-03-02", 2));
    }

    #[test]
    fn resolves_english_dates() {
        assert_eq!(dates("On October 27, militants", "2020-10-30")[0].0, "2020-10-27");
        assert_eq!(dates("On 3 December 2020, students", "2020-12-06")[0].0, "2020-12-03");
        assert_eq!(dates("last Tuesday", "2024-03-05")[0].0, "2024-02-27");
        let lw = dates("last week", "2024-03-05");
        assert_eq!((lw[0].0.as_str(), lw[0].1), ("2024-02-27", 2));
        assert_eq!(dates("On 2020-08-01 gunmen", "2020-08-04")[0].0, "2020-08-01");
        assert!(dates("in May the rains", "2020-08-04").is_empty());
        assert_eq!(dates("On October 18th, students", "2018-10-21")[0].0, "2018-10-18");
        assert_eq!(
            dates("On or before October 1st, police", "2018-10-04")[0].0,
            "2018-10-01"
        );
        assert_eq!(dates("in Diffa on the 21st of July.", "2017-07-24")[0].0, "2017-07-21");
    }
}
