// A non-owning reference to a callable, for callbacks that run only during the call they are
// passed to. Unlike std::function it never allocates: the reader calls back for every value
// of every file, and a heap allocation per callback was a measurable share of scoring time.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

namespace aijri::detail {

template <typename Signature>
class FunctionRef;

template <typename Result, typename... Args>
class FunctionRef<Result(Args...)> {
public:
    template <typename Callable,
              typename = std::enable_if_t<!std::is_same_v<std::decay_t<Callable>, FunctionRef>>>
    // NOLINTNEXTLINE(google-explicit-constructor): converts from a lambda at every call site
    FunctionRef(Callable&& callable) noexcept
        : m_callable(const_cast<void*>(static_cast<const void*>(std::addressof(callable)))),
          m_call([](void* target, Args... args) -> Result {
              return (*static_cast<std::remove_reference_t<Callable>*>(target))(
                  std::forward<Args>(args)...);
          }) {}

    Result operator()(Args... args) const {
        return m_call(m_callable, std::forward<Args>(args)...);
    }

private:
    void* m_callable;
    Result (*m_call)(void*, Args...);
};

} // namespace aijri::detail
