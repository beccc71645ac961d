"""Simulated time on the scenario's working calendar.

The model runs on a *work clock*: minutes of office time counted from the first working day of
the horizon, with nights, weekends and holidays cut out. Every resource works only in office hours
on working days, so on this clock service is continuous and nobody polls the calendar. Converting
back to calendar days, and counting working days for deadlines, is array arithmetic on the
working days `scheduler.calendar.WorkCalendar` lists once.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

import numpy as np

from scheduler.calendar import CalendarRangeError, WorkCalendar
from scheduler.errors import InputError, Problem

MINUTES_PER_DAY = 24 * 60


class WorkClock:
    """Office-time minutes over the calendar days [start, start + horizon_days)."""

    def __init__(self, calendar: WorkCalendar, start: date, horizon_days: int, source: str = "<memory>") -> None:
        self.start = start
        self.horizon_days = horizon_days
        last = start + timedelta(days=horizon_days - 1)
        try:
            days = calendar.working_days(start, last)
        except CalendarRangeError as error:
            raise InputError([Problem(source, "flow.horizon_days", "sim.outside_calendar", {
                "start": start.isoformat(), "end": last.isoformat(),
                "first": error.first.isoformat(), "last": error.last.isoformat()})]) from None
        if not days:
            raise InputError([Problem(source, "flow.horizon_days", "sim.no_working_days", {})])
        blocks = calendar.blocks
        self._blocks = blocks
        self.block_lengths = [end - begin for begin, end in blocks]
        self.day_minutes = float(sum(self.block_lengths))
        # Work-clock offset within a day at which each office-hours block starts, and its clock time.
        self._block_work_starts = np.cumsum([0, *self.block_lengths[:-1]]).astype(float)
        self._block_clock_starts = np.array([begin for begin, _ in blocks], dtype=float)
        self.working_ordinals = [d.toordinal() for d in days]
        # Calendar day (0 = start) of each working day, for converting back.
        self.day_offsets = np.array([o - start.toordinal() for o in self.working_ordinals], dtype=float)
        self.working_day_count = len(days)
        self.end = self.working_day_count * self.day_minutes

    # ----- working days ---------------------------------------------------------------------
    def day_index(self, work_minute: float) -> int:
        """Index of the working day a work-clock instant falls on (the last day for the very end)."""
        return min(int(work_minute // self.day_minutes), self.working_day_count - 1)

    def day_index_of(self, day: date) -> int:
        """Index of the first working day on or after `day` (== working_day_count past the end)."""
        return bisect_right(self.working_ordinals, day.toordinal() - 1)

    def within_working_days(self, work_minute: float, working_days: int) -> float:
        """The end of the `working_days`-th working day after the one holding `work_minute`.

        "Within 7 working days" of something on day k ends when day k + 7 closes (Art. 45, 54).
        """
        return (int(work_minute // self.day_minutes) + working_days + 1) * self.day_minutes

    def work_minute_of_day(self, calendar_day: float) -> float:
        """Work-clock instant of the first office minute on or after calendar day `calendar_day`."""
        return float(np.searchsorted(self.day_offsets, calendar_day)) * self.day_minutes

    def work_minute_at(self, day_index: int, clock_minute: int) -> float:
        """Work-clock instant of a time of day on a working day, clamped into its office hours."""
        offset = 0.0
        for (begin, end), work_start in zip(self._blocks, self._block_work_starts, strict=True):
            if clock_minute < begin:
                break
            offset = work_start + min(clock_minute, end) - begin
        return day_index * self.day_minutes + offset

    # ----- calendar time ----------------------------------------------------------------------
    def calendar_days(self, work_minutes: np.ndarray) -> np.ndarray:
        """Calendar days since `start` (fractional: time of day included) of work-clock instants."""
        minutes = np.asarray(work_minutes, dtype=float)
        index = np.minimum(np.floor(minutes / self.day_minutes), self.working_day_count - 1).astype(int)
        offset = minutes - index * self.day_minutes
        block = np.searchsorted(self._block_work_starts, offset, side="right") - 1
        clock = self._block_clock_starts[block] + offset - self._block_work_starts[block]
        return self.day_offsets[index] + clock / MINUTES_PER_DAY

    def calendar_day_numbers(self, work_minutes: np.ndarray) -> np.ndarray:
        """Whole calendar day (0 = start) on which each instant falls."""
        minutes = np.asarray(work_minutes, dtype=float)
        index = np.minimum(np.floor(minutes / self.day_minutes), self.working_day_count - 1).astype(int)
        return self.day_offsets[index].astype(int)
