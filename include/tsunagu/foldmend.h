#ifndef TSUNAGU_FOLDMEND_H
#define TSUNAGU_FOLDMEND_H
#include <stdbool.h>
#include <stddef.h>

/*
 * vCard and iCalendar writers that fold lines every 75 octets without
 * looking at characters (Google Calendar, Outlook, many libraries) cut a
 * UTF-8 character in two: "E3 81 CR LF SP 82".  RFC 5545 3.1 asks readers
 * to restore it.  foldmend moves the rest of each such character in front
 * of its fold ("E3 81 82 CR LF SP"): the bytes only move, so the file
 * keeps its length and its lines their numbers, it reads as UTF-8, and
 * unfolding then joins the lines as usual.
 */

/* Mends s[0..len) in place; returns how much of it is final: the bytes
 * after that may be a character whose fold or rest is not in the buffer
 * yet (all of it is final when eof). */
size_t foldmend(unsigned char *s, size_t len, bool eof);

#endif
