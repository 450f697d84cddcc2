// Files compiled into the binary: templates, static files (CSS, images) and the bundled calendars.
// One binary serves a township with nothing else installed.
#pragma once

#include <span>
#include <string_view>

namespace gongkai::assets {

struct EmbeddedFile {
  std::string_view path;  // relative to its folder, e.g. "layout.mustache", "app.css", "2023.txt"
  std::string_view data;
};

std::span<const EmbeddedFile> Templates();    // templates/
std::span<const EmbeddedFile> StaticFiles();  // static/
std::span<const EmbeddedFile> Calendars();    // data/calendar/*.txt
// The file at path in files, or nullptr.
const EmbeddedFile* Find(std::span<const EmbeddedFile> files, std::string_view path);

}  // namespace gongkai::assets
