//! Reading a period written in words ("30 days", "1.5 years", "up to 13 months,
//! renewed on every visit", "between 6 and 12 months", "session") into a length
//! that can be compared, for `diff` (is a retention period or cookie lifetime now
//! longer?) and for checks that need to know whether a stated period is readable.
//!
//! A period is read as a length (bounded, open-ended, the browser session or
//! indefinite), whether it restarts ("renewed on every visit"), and the words
//! left over that say from when it runs ("after your last visit"). Two periods
//! compare by the longest they may last, and only when the words left over are
//! the same: `"2 years after your last visit"` and `"3 years after the account is
//! closed"` cannot be compared, and saying so is the honest answer.
//!
//! Months and years are calendar lengths: `24 months` is `2 years` exactly, while
//! `1 month` and `30 days` are each within the other's range and cannot be ordered.

use std::cmp::Ordering;

const DAY: f64 = 86_400.0;

/// An amount of time: calendar months (years count as 12) plus exact seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Amount {
    pub months: f64,
    pub seconds: f64,
}

// Amounts and token positions read best as short names.
#[allow(clippy::many_single_char_names)]
impl Amount {
    fn scaled(self, k: f64) -> Self {
        Self {
            months: self.months * k,
            seconds: self.seconds * k,
        }
    }

    fn plus(self, o: Self) -> Self {
        Self {
            months: self.months + o.months,
            seconds: self.seconds + o.seconds,
        }
    }

    /// The shortest and longest this amount can be in seconds: a run of months is
    /// between 365/12 and 366/12 days each, give or take the three days February
    /// and the months' order can add or take away.
    fn range(self) -> (f64, f64) {
        if self.months == 0.0 {
            return (self.seconds, self.seconds);
        }
        let lo = (self.months * 365.0 / 12.0 - 3.0).max(0.0) * DAY;
        let hi = (self.months * 366.0 / 12.0 + 3.0) * DAY;
        (lo + self.seconds, hi + self.seconds)
    }

    /// Orders two amounts when that is certain.
    pub fn compare(self, o: Self) -> Option<Ordering> {
        let m = self.months.partial_cmp(&o.months)?;
        let s = self.seconds.partial_cmp(&o.seconds)?;
        match (m, s) {
            (a, b) if a == b => return Some(a),
            (Ordering::Equal, x) | (x, Ordering::Equal) => return Some(x),
            _ => {}
        }
        let ((alo, ahi), (blo, bhi)) = (self.range(), o.range());
        if ahi < blo {
            Some(Ordering::Less)
        } else if alo > bhi {
            Some(Ordering::Greater)
        } else {
            None
        }
    }
}

/// How long a period runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    /// Until the browser session ends.
    Session,
    /// Between `low` and `high` (`low` is zero for "up to").
    Bounded { low: Amount, high: Amount },
    /// At least this long, with no stated end ("at least 2 years").
    AtLeast(Amount),
    /// No end at all ("indefinitely").
    Indefinite,
}

/// A period as read from its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub length: Length,
    /// The period starts again on a visit or use ("renewed on every visit"), so
    /// it may never end for someone who keeps coming back.
    pub renewed: bool,
    /// Words not understood as part of the length, kept to compare like with like
    /// ("after your last visit").
    pub rest: Vec<String>,
}

/// How one period compares with another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// The same longest length (possibly in other words).
    Same,
    Longer,
    Shorter,
    /// Different, and not comparable by length.
    Unknown,
}

impl Period {
    /// The longest this period can last, ordered: session < bounded < at least / indefinite.
    fn compare_upper(&self, o: &Self) -> Option<Ordering> {
        use Length::{AtLeast, Bounded, Indefinite, Session};
        match (self.length, o.length) {
            (Session, Session) | (Indefinite, Indefinite) => Some(Ordering::Equal),
            // "At least N" has no stated end either; two of them cannot be ordered.
            (AtLeast(_) | Indefinite, AtLeast(_) | Indefinite) => None,
            (Indefinite | AtLeast(_), _) => Some(Ordering::Greater),
            (_, Indefinite | AtLeast(_)) => Some(Ordering::Less),
            (Bounded { high: a, .. }, Bounded { high: b, .. }) => a.compare(b),
            // A session usually ends within the day; anything shorter cannot be ordered.
            (Session, Bounded { high, .. }) => session_vs(high),
            (Bounded { high, .. }, Session) => session_vs(high).map(Ordering::reverse),
        }
    }

    /// How `new` compares with `self` (the old period) by the longest each may
    /// last, when the words around the lengths are the same.
    pub fn compare(&self, new: &Self) -> Comparison {
        if self.rest != new.rest {
            return Comparison::Unknown;
        }
        match new.compare_upper(self) {
            Some(Ordering::Equal) => Comparison::Same,
            Some(Ordering::Greater) => Comparison::Longer,
            Some(Ordering::Less) => Comparison::Shorter,
            None => Comparison::Unknown,
        }
    }
}

fn session_vs(high: Amount) -> Option<Ordering> {
    if high.months > 0.0 || high.seconds >= DAY {
        Some(Ordering::Less)
    } else {
        None
    }
}

/// Reads a period; `None` when no length can be found in it, or more than one.
pub fn parse(text: &str) -> Option<Period> {
    Reader::new(text).read()
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Number(f64),
    Word(String),
    Dash,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                        && i > start))
            {
                i += 1;
            }
            let s: String = chars[start..i]
                .iter()
                .map(|&c| if c == ',' { '.' } else { c })
                .collect();
            // "1.000" style thousands separators are not periods anyone writes;
            // a second separator makes the number unreadable, kept as a word.
            match s.parse::<f64>() {
                Ok(n) if n.is_finite() => out.push(Token::Number(n)),
                _ => out.push(Token::Word(s)),
            }
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i].is_alphabetic() || chars[i] == '\'') {
                i += 1;
            }
            let w: String = chars[start..i]
                .iter()
                .filter(|c| **c != '\'')
                .collect::<String>()
                .to_lowercase();
            out.push(Token::Word(w));
        } else {
            if matches!(c, '-' | '\u{2010}'..='\u{2014}' | '\u{2212}') {
                out.push(Token::Dash);
            } else if c == '½' {
                out.push(Token::Number(0.5));
            }
            i += 1;
        }
    }
    out
}

fn number_word(w: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = SMALL.iter().position(|s| *s == w) {
        return Some(f64::from(u8::try_from(i).ok()?));
    }
    if let Some(i) = TENS.iter().position(|s| *s == w) {
        return Some(f64::from(u8::try_from(i).ok()?) * 10.0 + 20.0);
    }
    match w {
        "a" | "an" | "single" => Some(1.0),
        "half" => Some(0.5),
        "hundred" => Some(100.0),
        _ => None,
    }
}

fn unit(w: &str) -> Option<Amount> {
    let secs = |s: f64| Amount {
        months: 0.0,
        seconds: s,
    };
    let months = |m: f64| Amount {
        months: m,
        seconds: 0.0,
    };
    Some(match w {
        "s" | "sec" | "secs" | "second" | "seconds" => secs(1.0),
        "min" | "mins" | "minute" | "minutes" => secs(60.0),
        "h" | "hr" | "hrs" | "hour" | "hours" => secs(3_600.0),
        "d" | "day" | "days" => secs(DAY),
        "w" | "wk" | "wks" | "week" | "weeks" => secs(7.0 * DAY),
        "fortnight" | "fortnights" => secs(14.0 * DAY),
        "mo" | "mos" | "month" | "months" => months(1.0),
        "quarter" | "quarters" => months(3.0),
        "y" | "yr" | "yrs" | "year" | "years" => months(12.0),
        "decade" | "decades" => months(120.0),
        _ => return None,
    })
}

/// Words that only say the period is an upper bound ("up to", "at most").
const AT_MOST: &[&[&str]] = &[
    &["up", "to"],
    &["upto"],
    &["at", "most"],
    &["at", "the", "most"],
    &["no", "more", "than"],
    &["not", "more", "than"],
    &["no", "longer", "than"],
    &["not", "longer", "than"],
    &["maximum", "of"],
    &["a", "maximum", "of"],
    &["maximum"],
    &["max"],
    &["within"],
    &["less", "than"],
    &["under"],
    &["not", "exceeding"],
    &["or", "less"],
    &["or", "shorter"],
];

/// Words that make the period open-ended ("at least 2 years").
const AT_LEAST: &[&[&str]] = &[
    &["at", "least"],
    &["no", "less", "than"],
    &["not", "less", "than"],
    &["no", "shorter", "than"],
    &["more", "than"],
    &["longer", "than"],
    &["over"],
    &["a", "minimum", "of"],
    &["minimum", "of"],
    &["minimum"],
    &["or", "more"],
    &["or", "longer"],
];

const INDEFINITE: &[&str] = &[
    "indefinitely",
    "indefinite",
    "forever",
    "permanently",
    "permanent",
    "unlimited",
];

/// Word stems that say the period starts again.
const RENEWAL: &[&str] = &[
    "renew", "refresh", "reset", "extend", "prolong", "rolling", "sliding", "restart",
];

/// Words that may follow a renewal word and only say when it happens
/// ("renewed on every visit", "refreshed each time you use the site").
const RENEWAL_TAIL: &[&str] = &[
    "on",
    "at",
    "with",
    "upon",
    "by",
    "each",
    "every",
    "any",
    "new",
    "your",
    "a",
    "subsequent",
    "visit",
    "visits",
    "use",
    "uses",
    "login",
    "logins",
    "sign",
    "in",
    "request",
    "requests",
    "page",
    "view",
    "views",
    "load",
    "loads",
    "time",
    "you",
    "the",
    "site",
    "when",
    "is",
    "it",
    "are",
    "they",
];

/// Words that carry nothing about a period's length or start.
const FILLER: &[&str] = &[
    "for", "a", "an", "the", "of", "period", "total", "from", "between",
];

struct Reader {
    toks: Vec<Token>,
    pos: usize,
}

enum Bound {
    AtMost,
    AtLeast,
}

#[allow(clippy::many_single_char_names)]
impl Reader {
    fn new(text: &str) -> Self {
        Self {
            toks: tokens(text),
            pos: 0,
        }
    }

    fn word_at(&self, i: usize) -> Option<&str> {
        match self.toks.get(i) {
            Some(Token::Word(w)) => Some(w),
            _ => None,
        }
    }

    /// A number (digits, words, "twenty-four", "one and a half") at `i`: its
    /// value and the index after it.
    fn number(&self, i: usize) -> Option<(f64, usize)> {
        let (mut n, mut j) = match self.toks.get(i)? {
            Token::Number(n) => (*n, i + 1),
            Token::Word(w) => {
                let n = number_word(w)?;
                // "half a year"
                if w == "half" && matches!(self.word_at(i + 1), Some("a" | "an")) {
                    return Some((0.5, i + 2));
                }
                let mut j = i + 1;
                let mut n = n;
                // "twenty-four", "twenty four"
                if (20.0..100.0).contains(&n) {
                    let k = if self.toks.get(j) == Some(&Token::Dash) {
                        j + 1
                    } else {
                        j
                    };
                    if let Some(d) = self.word_at(k).and_then(number_word) {
                        if (1.0..10.0).contains(&d) && self.word_at(k) != Some("a") {
                            n += d;
                            j = k + 1;
                        }
                    }
                }
                (n, j)
            }
            Token::Dash => return None,
        };
        // "one and a half"
        if self.half_at(j) {
            n += 0.5;
            j += 3;
        }
        Some((n, j))
    }

    fn half_at(&self, i: usize) -> bool {
        self.word_at(i) == Some("and")
            && matches!(self.word_at(i + 1), Some("a" | "an"))
            && self.word_at(i + 2) == Some("half")
    }

    /// A unit at `i`, skipping a dash between a number and its unit ("13-month").
    fn unit(&self, i: usize) -> Option<(Amount, usize)> {
        let i = if self.toks.get(i) == Some(&Token::Dash) {
            i + 1
        } else {
            i
        };
        let u = unit(self.word_at(i)?)?;
        Some((u, i + 1))
    }

    /// `NUMBER UNIT` (or a bare unit: "a year" is read through the number word
    /// "a"), with "and a half" after the unit. Returns the amount and the index after it.
    fn quantity(&self, i: usize) -> Option<(Amount, usize)> {
        let (n, j) = self.number(i)?;
        let (u, mut k) = self.unit(j)?;
        let mut n = n;
        if self.half_at(k) {
            n += 0.5;
            k += 3;
        }
        Some((u.scaled(n), k))
    }

    /// A length at `i`: a quantity, compound quantities ("1 year and 6 months")
    /// or a range ("6 to 12 months", "6-12 months", "1 to 2 years").
    fn length(&self, i: usize) -> Option<(Amount, Amount, usize)> {
        // A range whose first number has no unit of its own.
        if let Some((a, j)) = self.number(i) {
            if self.unit(j).is_none() {
                let sep = match self.toks.get(j) {
                    Some(Token::Dash) => true,
                    Some(Token::Word(w)) => matches!(w.as_str(), "to" | "and" | "or" | "through"),
                    _ => false,
                };
                if sep {
                    if let Some((b, k)) = self.quantity(j + 1) {
                        let per = unit_of(b, self.number(j + 1).map_or(1.0, |x| x.0));
                        let a = per.scaled(a);
                        return Some(ordered(a, b, k));
                    }
                }
            }
        }
        let (mut a, mut j) = self.quantity(i)?;
        // Compound: "1 year and 6 months", "1 year, 6 months", "1 year 6 months".
        loop {
            let k = if self.word_at(j) == Some("and") {
                j + 1
            } else {
                j
            };
            match self.quantity(k) {
                Some((b, next)) => {
                    a = a.plus(b);
                    j = next;
                }
                None => break,
            }
        }
        // A range: "6 months to 1 year", "6 months - 1 year".
        let sep = match self.toks.get(j) {
            Some(Token::Dash) => true,
            Some(Token::Word(w)) => matches!(w.as_str(), "to" | "through"),
            _ => false,
        };
        if sep {
            if let Some((_, b, k)) = self.length(j + 1) {
                return Some(ordered(a, b, k));
            }
        }
        Some((a, a, j))
    }

    fn phrase_at(&self, i: usize, phrases: &[&[&str]]) -> Option<usize> {
        phrases
            .iter()
            .filter(|p| {
                p.iter()
                    .enumerate()
                    .all(|(k, w)| self.word_at(i + k) == Some(*w))
            })
            .map(|p| p.len())
            .max()
    }

    fn read(mut self) -> Option<Period> {
        let mut lengths: Vec<(Amount, Amount)> = Vec::new();
        let mut bound: Option<Bound> = None;
        let mut session = false;
        let mut indefinite = false;
        let mut renewed = false;
        let mut rest = Vec::new();
        while self.pos < self.toks.len() {
            let i = self.pos;
            if let Some((lo, hi, j)) = self.length(i) {
                lengths.push((lo, hi));
                self.pos = j;
                continue;
            }
            if let Some(n) = self.phrase_at(i, AT_LEAST) {
                bound = Some(Bound::AtLeast);
                self.pos += n;
                continue;
            }
            if let Some(n) = self.phrase_at(i, AT_MOST) {
                bound.get_or_insert(Bound::AtMost);
                self.pos += n;
                continue;
            }
            let Some(w) = self.word_at(i).map(str::to_string) else {
                // A number without a unit or a stray dash.
                if let Some(Token::Number(n)) = self.toks.get(i) {
                    rest.push(n.to_string());
                }
                self.pos += 1;
                continue;
            };
            self.pos += 1;
            if RENEWAL.iter().any(|r| w.starts_with(r)) {
                renewed = true;
                while self
                    .word_at(self.pos)
                    .is_some_and(|t| RENEWAL_TAIL.contains(&t))
                {
                    self.pos += 1;
                }
            } else if w == "session" || w == "sessions" {
                session = true;
            } else if INDEFINITE.contains(&w.as_str()) {
                indefinite = true;
            } else if !FILLER.contains(&w.as_str()) {
                rest.push(w);
            }
        }
        let length = match (lengths.as_slice(), session, indefinite) {
            ([], true, false) => Length::Session,
            ([], false, true) => Length::Indefinite,
            ([(lo, hi)], s, false) => {
                if s {
                    // "30 minutes of session inactivity": the word stays as context.
                    rest.push("session".to_string());
                }
                match bound {
                    Some(Bound::AtLeast) => Length::AtLeast(*lo),
                    Some(Bound::AtMost) => Length::Bounded {
                        low: Amount::default(),
                        high: *hi,
                    },
                    None => Length::Bounded {
                        low: *lo,
                        high: *hi,
                    },
                }
            }
            _ => return None,
        };
        Some(Period {
            length,
            renewed,
            rest,
        })
    }
}

/// The unit of `q`, given it is `n` of them.
fn unit_of(q: Amount, n: f64) -> Amount {
    if n == 0.0 {
        q
    } else {
        q.scaled(1.0 / n)
    }
}

fn ordered(a: Amount, b: Amount, next: usize) -> (Amount, Amount, usize) {
    if a.compare(b) == Some(Ordering::Greater) {
        (b, a, next)
    } else {
        (a, b, next)
    }
}

/// How the period `new` compares with `old`, both in words: `Unknown` when either
/// cannot be read.
pub fn compare(old: &str, new: &str) -> Comparison {
    match (parse(old), parse(new)) {
        (Some(a), Some(b)) => a.compare(&b),
        _ => Comparison::Unknown,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::float_cmp)]
mod tests {
    use super::{compare, parse, Amount, Comparison, Length};

    fn high(text: &str) -> Amount {
        match parse(text).map(|p| p.length) {
            Some(Length::Bounded { high, .. }) => high,
            other => panic!("{text}: {other:?}"),
        }
    }

    fn months(m: f64) -> Amount {
        Amount {
            months: m,
            seconds: 0.0,
        }
    }

    #[test]
    fn reads_numbers_units_and_decimals() {
        assert_eq!(high("1.5 years"), months(18.0));
        assert_eq!(high("1,5 years"), months(18.0));
        assert_eq!(high("one and a half years"), months(18.0));
        assert_eq!(high("a year and a half"), months(18.0));
        assert_eq!(high("half a year"), months(6.0));
        assert_eq!(high("twenty-four months"), months(24.0));
        assert_eq!(high("a 13-month period"), months(13.0));
        assert_eq!(high("13months"), months(13.0));
        assert_eq!(high("1 year and 6 months"), months(18.0));
        assert_eq!(high("30 days").seconds, 30.0 * 86_400.0);
        assert_eq!(high("2 weeks").seconds, 14.0 * 86_400.0);
    }

    #[test]
    fn reads_ranges_and_bounds() {
        let p = parse("between 6 and 12 months").unwrap();
        assert_eq!(
            p.length,
            Length::Bounded {
                low: months(6.0),
                high: months(12.0)
            }
        );
        assert_eq!(high("6-12 months"), months(12.0));
        assert_eq!(high("6 months to 2 years"), months(24.0));
        let up = parse("up to 13 months").unwrap();
        assert_eq!(
            up.length,
            Length::Bounded {
                low: Amount::default(),
                high: months(13.0)
            }
        );
        assert!(up.rest.is_empty(), "{up:?}");
        assert_eq!(
            parse("at least 2 years").unwrap().length,
            Length::AtLeast(months(24.0))
        );
        assert_eq!(parse("session").unwrap().length, Length::Session);
        assert_eq!(parse("indefinitely").unwrap().length, Length::Indefinite);
    }

    #[test]
    fn reads_renewal_and_keeps_other_words() {
        let p = parse("up to 13 months, renewed on every visit").unwrap();
        assert!(p.renewed);
        assert!(p.rest.is_empty(), "{p:?}");
        let p = parse("2 years after your last visit").unwrap();
        assert!(!p.renewed);
        assert_eq!(p.rest, ["after", "your", "last", "visit"]);
        assert_eq!(parse("while your account is active"), None);
        assert_eq!(parse("1 year or 2 years, whichever is longer"), None);
    }

    #[test]
    fn compares_by_length() {
        assert_eq!(compare("1.5 years", "3 years"), Comparison::Longer);
        assert_eq!(compare("3 years", "1.5 years"), Comparison::Shorter);
        assert_eq!(compare("24 months", "2 years"), Comparison::Same);
        assert_eq!(compare("13 months", "up to 13 months"), Comparison::Same);
        assert_eq!(compare("30 days", "90 days"), Comparison::Longer);
        assert_eq!(compare("90 days", "6 months"), Comparison::Longer);
        assert_eq!(compare("11 months", "1 year"), Comparison::Longer);
        // A month is not a fixed number of days.
        assert_eq!(compare("1 month", "30 days"), Comparison::Unknown);
        assert_eq!(compare("session", "1 year"), Comparison::Longer);
        assert_eq!(compare("session", "30 minutes"), Comparison::Unknown);
        assert_eq!(compare("2 years", "indefinitely"), Comparison::Longer);
        assert_eq!(compare("2 years", "at least 2 years"), Comparison::Longer);
        assert_eq!(compare("6 to 12 months", "12 months"), Comparison::Same);
        assert_eq!(
            compare(
                "2 years after your last visit",
                "3 years after your last visit"
            ),
            Comparison::Longer
        );
        assert_eq!(
            compare("2 years after your last visit", "2 years after signup"),
            Comparison::Unknown
        );
        assert_eq!(
            compare("while the account is open", "while the account exists"),
            Comparison::Unknown
        );
        assert_eq!(compare("about 13 months", "13 months"), Comparison::Unknown);
    }
}
