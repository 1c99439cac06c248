"""Output: what leaves the app as a file or a formatted number.

Downloads as CSV and Excel with formula-injection protection (`export`) and consistent number
formats ($1.2 bn, +13.6%) (`formatting`). May import from `analysis.data` only.
"""
