// A gumbo parse bounded in memory and time. Every gumbo allocation goes through the arena so that
// the tree is freed in one sweep (gumbo's own gumbo_destroy_output recurses once per nesting level
// and overflows the stack on deeply nested markup) and so that a parse outgrowing its budget can be
// abandoned: gumbo is plain C, so leaving it with longjmp skips no destructor.
// Callers may rely on: the returned tree lives as long as the arena; null means over budget.
#pragma once

#include <gumbo.h>

#include <chrono>
#include <csetjmp>
#include <cstdlib>
#include <string_view>

namespace gongkai::io {

class GumboArena {
 public:
  GumboArena(size_t max_bytes, std::chrono::steady_clock::duration max_time)
      : max_bytes_(max_bytes), deadline_(std::chrono::steady_clock::now() + max_time) {
    sentinel_.prev = sentinel_.next = &sentinel_;
  }
  ~GumboArena() {
    for (Header* h = sentinel_.next; h != &sentinel_;) {
      Header* next = h->next;
      std::free(h);
      h = next;
    }
  }
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;

  // Null when the parse went over budget; failure() then says which budget ("memory", "time").
  GumboOutput* Parse(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &Allocate;
    options.deallocator = &Deallocate;
    options.userdata = this;
    options.max_errors = 0;  // parse errors are not reported, so do not keep them
    if (setjmp(escape_) != 0) return nullptr;
    return gumbo_parse_with_options(&options, html.data(), html.size());
  }
  const char* failure() const { return failure_; }

 private:
  struct alignas(16) Header {
    Header* prev;
    Header* next;
    size_t size;
  };

  [[noreturn]] void Escape(const char* why) {
    failure_ = why;
    std::longjmp(escape_, 1);
  }

  static void* Allocate(void* self, size_t size) {
    auto* arena = static_cast<GumboArena*>(self);
    if (size > arena->max_bytes_ - arena->bytes_) arena->Escape("memory");
    if (++arena->calls_ % 1024 == 0 && std::chrono::steady_clock::now() > arena->deadline_)
      arena->Escape("time");
    auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
    if (h == nullptr) arena->Escape("memory");
    h->size = size;
    h->prev = &arena->sentinel_;
    h->next = arena->sentinel_.next;
    h->next->prev = h;
    arena->sentinel_.next = h;
    arena->bytes_ += size;
    return h + 1;
  }

  static void Deallocate(void* self, void* ptr) {
    if (ptr == nullptr) return;
    auto* arena = static_cast<GumboArena*>(self);
    Header* h = static_cast<Header*>(ptr) - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    arena->bytes_ -= h->size;
    std::free(h);
  }

  Header sentinel_{};
  size_t max_bytes_;
  size_t bytes_ = 0;
  size_t calls_ = 0;
  std::chrono::steady_clock::time_point deadline_;
  std::jmp_buf escape_{};
  const char* failure_ = "";
};

}  // namespace gongkai::io
