// Ring buffer with fixed capacity.
#include <array>
#include <cstddef>

template <typename T, std::size_t N>
class Ring {
public:
    bool push(const T& v) {
        if (size_ == N) return false;
        data_[(head_ + size_++) % N] = v;
        return true;
    }
    bool pop(T& out);
    ~Ring() = default;

private:
    std::array<T, N> data_{};
    std::size_t head_ = 0, size_ = 0;
};

template <typename T, std::size_t N>
bool Ring<T, N>::pop(T& out) {
    if (size_ == 0) return false;
    out = data_[head_];
    head_ = (head_ + 1) % N;
    --size_;
    return true;
}

struct Tag;

int main() { Ring<int, 4> r; r.push('x'); return r.pop(*new int(0)) ? 0 : 1; }
