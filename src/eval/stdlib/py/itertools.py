# `itertools` for the sandboxed evaluator. Results are built eagerly and returned as
# iterators; the infinite iterators (count, cycle, repeat without a count) are not provided.


def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [prefix + (item,) for prefix in result for item in pool]
    return iter(result)


def chain(*iterables):
    out = []
    for it in iterables:
        out.extend(it)
    return iter(out)


def _from_iterable(iterables):
    out = []
    for it in iterables:
        out.extend(it)
    return iter(out)


chain.from_iterable = _from_iterable


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    out = []

    def build(start, prefix):
        if len(prefix) == r:
            out.append(tuple(prefix))
            return
        for i in range(start, n):
            build(i + 1, prefix + [pool[i]])

    if r <= n:
        build(0, [])
    return iter(out)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    out = []

    def build(start, prefix):
        if len(prefix) == r:
            out.append(tuple(prefix))
            return
        for i in range(start, n):
            build(i, prefix + [pool[i]])

    build(0, [])
    return iter(out)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    out = []

    def build(used, prefix):
        if len(prefix) == r:
            out.append(tuple(pool[i] for i in prefix))
            return
        for i in range(n):
            if i not in used:
                build(used | {i}, prefix + [i])

    if r <= n:
        build(set(), [])
    return iter(out)


def islice(iterable, *args):
    s = slice(*args)
    items = list(iterable) if s.stop is None else _take(iterable, s.stop)
    return iter(items[s])


def _take(iterable, n):
    out = []
    if n <= 0:
        return out
    for item in iterable:
        out.append(item)
        if len(out) >= n:
            break
    return out


def accumulate(iterable, func=None, *, initial=None):
    out = []
    total = initial
    if initial is not None:
        out.append(initial)
    for item in iterable:
        if total is None and not out:
            total = item
        elif func is None:
            total = total + item
        else:
            total = func(total, item)
        out.append(total)
    return iter(out)


def groupby(iterable, key=None):
    out = []
    current = None
    group = None
    for item in iterable:
        k = item if key is None else key(item)
        if group is None or k != current:
            if group is not None:
                out.append((current, iter(group)))
            current = k
            group = [item]
        else:
            group.append(item)
    if group is not None:
        out.append((current, iter(group)))
    return iter(out)


def zip_longest(*iterables, fillvalue=None):
    pools = [list(it) for it in iterables]
    n = max((len(p) for p in pools), default=0)
    return iter([tuple(p[i] if i < len(p) else fillvalue for p in pools) for i in range(n)])


def repeat(obj, times=None):
    if times is None:
        raise ValueError("itertools.repeat without a count would never end")
    return iter([obj] * times)


def starmap(function, iterable):
    return iter([function(*args) for args in iterable])


def takewhile(predicate, iterable):
    out = []
    for item in iterable:
        if not predicate(item):
            break
        out.append(item)
    return iter(out)


def dropwhile(predicate, iterable):
    out = []
    dropping = True
    for item in iterable:
        if dropping and predicate(item):
            continue
        dropping = False
        out.append(item)
    return iter(out)


def compress(data, selectors):
    return iter([d for d, s in zip(data, selectors) if s])


def pairwise(iterable):
    items = list(iterable)
    return iter([(items[i], items[i + 1]) for i in range(len(items) - 1)])
