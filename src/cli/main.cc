#include <cstdio>
int main() { std::puts("shipshape: under construction"); return 0; }
