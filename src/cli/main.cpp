#include "app.hpp"

int main(int argc, char** argv) {
    return aijri::cli::run(argc, argv);
}
