# Tracks inventory per warehouse.
require "json"

module Stock
  class Ledger
    attr_reader :items

    def initialize(items = {})
      @items = items
    end

    def add(sku, qty: 1)
      @items[sku] = @items.fetch(sku, 0) + qty
      self
    end

    def self.load(path)
      new(JSON.parse(File.read(path)))
    end
  end

  def self.report(ledger)
    ledger.items.map { |sku, n| "#{sku}: #{n}" }.join("\n")
  end
end
