import unittest

from list_ops import (
    append,
    concat,
    foldl,
    foldr,
    length,
    reverse,
    filter as list_ops_filter,
    map as list_ops_map,
)


class ListOpsTest(unittest.TestCase):
    def test_append_empty_lists(self):
        self.assertEqual(append([], []), [])

    def test_append_list_to_empty_list(self):
        self.assertEqual(append([], [1, 2, 3, 4]), [1, 2, 3, 4])

    def test_append_non_empty_lists(self):
        self.assertEqual(append([1, 2], [2, 3, 4, 5]), [1, 2, 2, 3, 4, 5])

    def test_append_leaves_arguments_unchanged(self):
        first, second = [1, 2], [3]
        append(first, second)
        self.assertEqual(first, [1, 2])
        self.assertEqual(second, [3])

    def test_concat_empty_list(self):
        self.assertEqual(concat([]), [])

    def test_concat_list_of_lists(self):
        self.assertEqual(concat([[1, 2], [3], [], [4, 5, 6]]), [1, 2, 3, 4, 5, 6])

    def test_concat_flattens_only_one_level(self):
        self.assertEqual(
            concat([[[1], [2]], [[3]], [], [[4, 5, 6]]]),
            [[1], [2], [3], [4, 5, 6]],
        )

    def test_filter_empty_list(self):
        self.assertEqual(list_ops_filter(lambda x: x % 2 == 1, []), [])

    def test_filter_non_empty_list(self):
        self.assertEqual(list_ops_filter(lambda x: x % 2 == 1, [1, 2, 3, 5]), [1, 3, 5])

    def test_length_empty_list(self):
        self.assertEqual(length([]), 0)

    def test_length_non_empty_list(self):
        self.assertEqual(length([1, 2, 3, 4]), 4)

    def test_map_empty_list(self):
        self.assertEqual(list_ops_map(lambda x: x + 1, []), [])

    def test_map_non_empty_list(self):
        self.assertEqual(list_ops_map(lambda x: x + 1, [1, 3, 5, 7]), [2, 4, 6, 8])

    def test_foldl_empty_list(self):
        self.assertEqual(foldl(lambda acc, item: acc * item, [], 2), 2)

    def test_foldl_sum(self):
        self.assertEqual(foldl(lambda acc, item: acc + item, [1, 2, 3, 4], 5), 15)

    def test_foldl_order_of_items_and_arguments(self):
        self.assertEqual(foldl(lambda acc, item: acc + item, ["a", "b", "c"], ""), "abc")
        self.assertEqual(foldl(lambda acc, item: [item] + acc, [1, 2, 3], []), [3, 2, 1])
        self.assertEqual(foldl(lambda acc, item: acc / item, [2, 5], 64), 6.4)

    def test_foldr_empty_list(self):
        self.assertEqual(foldr(lambda acc, item: acc * item, [], 2), 2)

    def test_foldr_order_of_items_and_arguments(self):
        self.assertEqual(foldr(lambda acc, item: acc + item, ["a", "b", "c"], ""), "cba")
        self.assertEqual(foldr(lambda acc, item: [item] + acc, [1, 2, 3], []), [1, 2, 3])
        self.assertEqual(foldr(lambda acc, item: item / acc, [1, 2, 3, 4], 24), 9)

    def test_reverse_empty_list(self):
        self.assertEqual(reverse([]), [])

    def test_reverse_list_of_lists_is_not_flattened(self):
        self.assertEqual(reverse([1, 3, 5, 7]), [7, 5, 3, 1])
        self.assertEqual(reverse([[1, 2], [3], [], [4, 5, 6]]), [[4, 5, 6], [], [3], [1, 2]])
