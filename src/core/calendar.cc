#include "core/calendar.h"

#include "core/text.h"

#include <algorithm>
#include <sstream>

namespace gongkai {

namespace {

std::string LineEn(int n) { return "line " + std::to_string(n); }
std::string LineZh(int n) { return "第" + std::to_string(n) + "行"; }

// "2023-01-21..2023-01-27 春节" or "2023-04-05 清明节" -> range and name.
Status ParseRange(std::string_view value, HolidayRange* out) {
  std::string_view dates = value, name;
  if (size_t sp = value.find(' '); sp != std::string_view::npos) {
    dates = value.substr(0, sp);
    name = TrimAscii(value.substr(sp + 1));
  }
  std::string_view first = dates, last = dates;
  if (size_t dots = dates.find(".."); dots != std::string_view::npos) {
    first = dates.substr(0, dots);
    last = dates.substr(dots + 2);
  }
  GK_ASSIGN_OR_RETURN(out->first, Date::Parse(first));
  GK_ASSIGN_OR_RETURN(out->last, Date::Parse(last));
  out->name = std::string(name);
  return OkStatus();
}

int DayOfYear(Date d) { return Date::FromYmd(d.year(), 1, 1).value().DaysUntil(d); }

}  // namespace

std::string_view DayKindCode(DayKind kind) {
  switch (kind) {
    case DayKind::kWorkday:
      return "workday";
    case DayKind::kWeekend:
      return "weekend";
    case DayKind::kHoliday:
      return "holiday";
    case DayKind::kMakeupWorkday:
      return "makeup_workday";
  }
  return "?";
}

Result<CalendarYear> ParseCalendarYear(std::string_view text) {
  CalendarYear year;
  int line_no = 0;
  bool have_year = false;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    line = TrimAscii(line);
    if (line.empty() || line.front() == '#') continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return InvalidArgument(LineEn(line_no) + ": expected 'key: value'",
                             LineZh(line_no) + "：格式应为“键: 值”");
    }
    std::string_view key = TrimAscii(line.substr(0, colon));
    std::string_view value = TrimAscii(line.substr(colon + 1));
    Status st;
    if (key == "year") {
      int y = 0;
      for (char c : value) {
        if (c < '0' || c > '9' || y > 100000) {
          y = -1;
          break;
        }
        y = y * 10 + (c - '0');
      }
      if (y < 1900 || y > 2200) {
        st = InvalidArgument("year '" + std::string(value) + "' is not a year 1900-2200",
                             "年份“" + std::string(value) + "”无效");
      }
      year.year = y;
      have_year = true;
    } else if (key == "source") {
      year.source = std::string(value);
    } else if (key == "holiday") {
      HolidayRange r;
      st = ParseRange(value, &r);
      if (st.ok() && r.last < r.first) {
        st = InvalidArgument(
            "holiday " + r.first.ToString() + ".." + r.last.ToString() + " ends before it starts",
            "假期" + r.first.ToString() + "至" + r.last.ToString() + "结束早于开始");
      }
      year.holidays.push_back(std::move(r));
    } else if (key == "workday") {
      HolidayRange r;
      st = ParseRange(value, &r);
      if (st.ok() && r.first != r.last) {
        st = InvalidArgument("a make-up working day is a single date", "调休上班日应为单个日期");
      } else if (st.ok() && !r.first.IsWeekend()) {
        st = InvalidArgument(
            "make-up working day " + r.first.ToString() + " is not a Saturday or Sunday",
            "调休上班日" + r.first.ToString() + "不是周六或周日");
      }
      year.makeup_days.push_back({r.first, r.name});
    } else {
      st = InvalidArgument(
          "unknown key '" + std::string(key) + "' (expected year, source, holiday, workday)",
          "未知的键“" + std::string(key) + "”（应为 year、source、holiday、workday）");
    }
    if (!st.ok()) return st.Annotate(LineEn(line_no), LineZh(line_no));
  }
  if (!have_year) return InvalidArgument("missing 'year:' line", "缺少“year:”行");
  GK_RETURN_IF_ERROR(ValidateCalendarYear(year));
  return year;
}

std::string FormatCalendarYear(const CalendarYear& year) {
  std::ostringstream out;
  out << "year: " << year.year << "\n";
  out << "source: " << year.source << "\n";
  for (const auto& h : year.holidays) {
    out << "holiday: " << h.first.ToString();
    if (h.last != h.first) out << ".." << h.last.ToString();
    if (!h.name.empty()) out << " " << h.name;
    out << "\n";
  }
  for (const auto& m : year.makeup_days) {
    out << "workday: " << m.date.ToString();
    if (!m.name.empty()) out << " " << m.name;
    out << "\n";
  }
  return out.str();
}

Status ValidateCalendarYear(const CalendarYear& year) {
  if (year.year < 1900 || year.year > 2200) {
    return InvalidArgument("calendar year " + std::to_string(year.year) + " is out of range",
                           "日历年份" + std::to_string(year.year) + "超出范围");
  }
  if (year.source.empty()) {
    return InvalidArgument(
        "calendar " + std::to_string(year.year) + ": the notice number (source) is missing",
        std::to_string(year.year) + "年日历缺少通知文号（source）");
  }
  // A notice may reach a few days into the neighbouring years (e.g. 2022-12-31 in the 2023 notice).
  Date lo = Date::FromYmd(year.year - 1, 12, 1).value();
  Date hi = Date::FromYmd(year.year + 1, 1, 31).value();
  for (const auto& h : year.holidays) {
    if (h.last < h.first) {
      return InvalidArgument(
          "holiday " + h.first.ToString() + ".." + h.last.ToString() + " ends before it starts",
          "假期" + h.first.ToString() + "至" + h.last.ToString() + "结束早于开始");
    }
    if (h.first < lo || h.last > hi || h.first.DaysUntil(h.last) > 31) {
      return InvalidArgument(
          "holiday " + h.first.ToString() + " is outside the notice's year " +
              std::to_string(year.year),
          "假期" + h.first.ToString() + "不在" + std::to_string(year.year) + "年通知范围内");
    }
  }
  for (const auto& m : year.makeup_days) {
    if (!m.date.IsWeekend()) {
      return InvalidArgument(
          "make-up working day " + m.date.ToString() + " is not a Saturday or Sunday",
          "调休上班日" + m.date.ToString() + "不是周六或周日");
    }
    if (m.date < lo || m.date > hi) {
      return InvalidArgument(
          "make-up working day " + m.date.ToString() + " is outside the notice's year",
          "调休上班日" + m.date.ToString() + "不在通知年度范围内");
    }
    for (const auto& h : year.holidays) {
      if (h.first <= m.date && m.date <= h.last) {
        return InvalidArgument(m.date.ToString() + " is both a holiday and a make-up working day",
                               m.date.ToString() + "既是假日又是调休上班日");
      }
    }
  }
  return OkStatus();
}

WorkingCalendar::YearTable& WorkingCalendar::TableFor(int year) {
  auto it = tables_.find(year);
  if (it != tables_.end()) return it->second;
  YearTable& t = tables_[year];
  Date d = Date::FromYmd(year, 1, 1).value();
  int n = IsLeapYear(year) ? 366 : 365;
  for (int i = 0; i < n; ++i, d = d.AddDays(1)) {
    t.kinds[i] = d.IsWeekend() ? DayKind::kWeekend : DayKind::kWorkday;
  }
  return t;
}

Status WorkingCalendar::AddYear(const CalendarYear& year) {
  GK_RETURN_IF_ERROR(ValidateCalendarYear(year));
  notices_[year.year] = year;
  // Rebuild every table from scratch so a replaced notice leaves nothing behind.
  tables_.clear();
  for (const auto& [y, notice] : notices_) TableFor(y).loaded = true;
  for (const auto& [y, notice] : notices_) {
    for (const auto& h : notice.holidays) {
      for (Date d = h.first; d <= h.last; d = d.AddDays(1)) {
        TableFor(d.year()).kinds[DayOfYear(d)] = DayKind::kHoliday;
      }
    }
    for (const auto& m : notice.makeup_days) {
      TableFor(m.date.year()).kinds[DayOfYear(m.date)] = DayKind::kMakeupWorkday;
    }
  }
  return OkStatus();
}

bool WorkingCalendar::HasYear(int year) const { return notices_.count(year) > 0; }

std::vector<int> WorkingCalendar::LoadedYears() const {
  std::vector<int> years;
  for (const auto& [y, n] : notices_) years.push_back(y);
  return years;
}

const CalendarYear* WorkingCalendar::Notice(int year) const {
  auto it = notices_.find(year);
  return it == notices_.end() ? nullptr : &it->second;
}

DayInfo WorkingCalendar::Classify(Date date) const {
  int y = date.year();
  auto it = tables_.find(y);
  if (it == tables_.end()) {
    return {date.IsWeekend() ? DayKind::kWeekend : DayKind::kWorkday, true};
  }
  return {it->second.kinds[DayOfYear(date)], !it->second.loaded};
}

WorkingDayResult WorkingCalendar::AddWorkingDays(Date day0, int n) const {
  WorkingDayResult r{day0, false};
  Date d = day0;
  for (int counted = 0; counted < n;) {
    d = d.AddDays(1);
    DayInfo info = Classify(d);
    r.provisional |= info.provisional;
    if (info.working()) ++counted;
  }
  r.date = d;
  return r;
}

int WorkingCalendar::CountWorkingDays(Date from, Date through, bool* provisional) const {
  int count = 0;
  bool prov = false;
  for (Date d = from.AddDays(1); d <= through; d = d.AddDays(1)) {
    DayInfo info = Classify(d);
    prov |= info.provisional;
    if (info.working()) ++count;
  }
  if (provisional) *provisional = prov;
  return count;
}

int WorkingCalendar::NonWorkingWeekdays(int year) const {
  int n = 0;
  Date end = Date::FromYmd(year, 12, 31).value();
  for (Date d = Date::FromYmd(year, 1, 1).value(); d <= end; d = d.AddDays(1)) {
    if (!d.IsWeekend() && !IsWorkingDay(d)) ++n;
  }
  return n;
}

}  // namespace gongkai
