defmodule Shop.Orders.Checkout do
  @moduledoc "Places an order, as a Phoenix context writes it."
  use Shop.Schema
  import Ecto.Query
  alias Shop.{Repo, Payments}

  @doc "Charges the cart and stores the order."
  def place(cart, attrs) when is_map(attrs) do
    with {:ok, charge} <- Payments.charge(cart.total, attrs),
         {:ok, order} <- Repo.insert(build(cart, charge)) do
      {:ok, order}
    else
      {:error, reason} -> {:error, reason}
    end
  end

  defp build(cart, charge), do: %{items: cart.items, charge_id: charge.id}

  def recent(limit \\ 10) do
    from(o in "orders", order_by: [desc: o.inserted_at], limit: ^limit)
    |> Repo.all()
  end

  defmacro audited(do: body) do
    quote do
      Shop.Audit.log(__MODULE__)
      unquote(body)
    end
  end
end
